package org.mfsj.client.master;

import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.client2master.AttrReply;
import org.mfsj.common.wire.client2master.EntryReply;
import org.mfsj.common.wire.client2master.StatusReply;

/**
 * Typed requests over the {@link MasterLink}, reading replies in one place. A master may answer a
 * failed request with a bare {@link StatusReply} instead of the full reply type, and ops that
 * return attributes may use either {@link EntryReply} or {@link AttrReply}; both are accepted here
 * so the namespace code only ever sees "attributes" or "an exception with the master's status".
 */
public final class MasterCalls {
    /** Answers some requests here instead of the master (null: ask the master). */
    @FunctionalInterface
    public interface LocalAnswers {
        Reply answer(Message request) throws MfsException;
    }

    private static final LocalAnswers NONE = m -> null;

    private final MasterLink link;
    private final UnaryOperator<Message> rewrite;
    private final LocalAnswers local;

    public MasterCalls(MasterLink link) {
        this(link, UnaryOperator.identity(), NONE);
    }

    private MasterCalls(MasterLink link, UnaryOperator<Message> rewrite, LocalAnswers local) {
        this.link = link;
        this.rewrite = rewrite;
        this.local = local;
    }

    /**
     * The same link, with every request passed through {@code rewrite} before it is sent: how one
     * file's writer sends the scratch forms of its chunk calls without knowing of them.
     */
    public MasterCalls rewriting(UnaryOperator<Message> rewriteRequest) {
        return new MasterCalls(link, m -> rewriteRequest.apply(rewrite.apply(m)), local);
    }

    /**
     * The same calls, with {@code answers} asked first about each request as the caller built it
     * (before any rewriting): how one scratch file's writer uses the chunk its create opened and
     * keeps its chunk ends for the publish, without knowing of either.
     */
    public MasterCalls answering(LocalAnswers answers) {
        return new MasterCalls(link, rewrite, answers);
    }

    private Reply call(IntFunction<? extends Message> request, String what) throws MfsException {
        if (local != NONE) {
            // built once more to look at: the id is the link's to give when it is sent
            Reply here = local.answer(request.apply(0));
            if (here != null) {
                return here;
            }
        }
        return link.call(id -> rewrite.apply(request.apply(id)), Reply.class, what);
    }

    /** The reply of the expected type (its status still to check), or the master's error as an exception. */
    public <R extends Reply> R request(IntFunction<? extends Message> request, Class<R> type, String what)
            throws MfsException {
        return typed(call(request, what), type, what);
    }

    /** As {@link #request}, for a read-only call a follower may answer (master HA). */
    public <R extends Reply> R read(IntFunction<? extends Message> request, Class<R> type, String what)
            throws MfsException {
        return typed(readCall(request, what), type, what);
    }

    /** As {@link #attr}, for a read-only call a follower may answer (master HA). */
    public Attr readAttr(IntFunction<? extends Message> request, String what) throws MfsException {
        return attrOf(readCall(request, what), what);
    }

    private Reply readCall(IntFunction<? extends Message> request, String what) throws MfsException {
        FollowerReads f = link.followers();
        Reply r = f == null ? null : f.call(request, what);
        return r != null ? r : link.call(request, Reply.class, what);
    }

    private static <R extends Reply> R typed(Reply r, Class<R> type, String what) throws MfsException {
        if (type.isInstance(r)) {
            return type.cast(r);
        }
        if (r instanceof StatusReply s && !s.status().isOk()) {
            throw new MfsException(s.status(), what + ": " + s.status().message());
        }
        throw unexpected(r, type.getSimpleName(), what);
    }

    /** Attributes the master returned, or its error as an exception. */
    public Attr attr(IntFunction<? extends Message> request, String what) throws MfsException {
        return attrOf(call(request, what), what);
    }

    private static Attr attrOf(Reply r, String what) throws MfsException {
        Status status;
        Attr attr;
        if (r instanceof EntryReply e) {
            status = e.status();
            attr = e.attr();
        } else if (r instanceof AttrReply a) {
            status = a.status();
            attr = a.attr();
        } else if (r instanceof StatusReply s && !s.status().isOk()) {
            status = s.status();
            attr = null;
        } else {
            throw unexpected(r, "attributes", what);
        }
        MfsException.check(status, what);
        if (attr == null) {
            throw new MfsException(Status.PROTOCOL, what + ": master answered OK without attributes");
        }
        return attr;
    }

    /** Nothing but success, or the master's error as an exception. */
    public void status(IntFunction<? extends Message> request, String what) throws MfsException {
        Reply r = call(request, what);
        Status status;
        if (r instanceof StatusReply s) {
            status = s.status();
        } else if (r instanceof EntryReply e) {
            status = e.status();
        } else if (r instanceof AttrReply a) {
            status = a.status();
        } else {
            throw unexpected(r, "a status", what);
        }
        MfsException.check(status, what);
    }

    /** A fresh request id for one metadata change; the caller reuses it for every retry of the call. */
    public long newRequestId() {
        return link.newRequestId();
    }

    public long rootInode() {
        return link.rootInode();
    }

    private static MfsException unexpected(Reply r, String expected, String what) {
        return new MfsException(Status.PROTOCOL, what + ": master answered " + r.getClass().getSimpleName()
                + " where " + expected + " was expected");
    }
}
