package org.mfsj.master.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.AttrReply;
import org.mfsj.common.wire.client2master.CheckAccess;
import org.mfsj.common.wire.client2master.Open;
import org.mfsj.common.wire.client2master.Release;
import org.mfsj.common.wire.client2master.ReleaseMany;
import org.mfsj.common.wire.client2master.ReportOpens;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.namespace.op.ReleaseOpenRecord;
import org.mfsj.master.net.RequestDispatcher;
import org.mfsj.master.session.Session;
import org.mfsj.master.session.SessionRegistry;

/**
 * Opening and releasing files, and access(2). Opens are counted per session in memory, which is
 * all a file with a name needs; when a file's last name goes while sessions have it open, the
 * namespace logs their holds first (it asks {@link SessionRegistry#openers}), and from then on
 * every open and release of that file is logged too, so whichever master leads keeps it until the
 * last holder released it or its session expired. The open check lets a file's owner read and
 * write whatever its mode, as NFS servers do: a program that creates a file read-only and writes
 * it through the descriptor it got must work, and the master cannot tell that open from a later
 * one. Doors that need the strict check (FUSE without default_permissions) call access first.
 */
public final class OpenCalls {
    private static final int R = 4;
    private static final int W = 2;

    private final Namespace ns;
    private final SessionRegistry sessions;
    private final UnreportedOpens unreported;

    /**
     * Built when this master starts to lead: the window for clients to report their opens
     * ({@link UnreportedOpens}, {@code reportWindow} long) starts then.
     */
    public OpenCalls(Namespace ns, SessionRegistry sessions, Clock clock, Duration reportWindow) {
        this.ns = ns;
        this.sessions = sessions;
        this.unreported = new UnreportedOpens(ns, sessions::openers, clock, reportWindow);
        ns.setOpenCounts(unreported::openers);
    }

    public void register(RequestDispatcher d) {
        d.on(Open.class, this::open, (id, st) -> new AttrReply(id, st, null));
        d.on(Release.class, this::release, StatusReply::new);
        d.on(ReleaseMany.class, this::releaseMany, StatusReply::new);
        // sent ahead of the client's next request, which its answer may go with
        d.answerWithNext(ReleaseMany.class);
        d.on(ReportOpens.class, this::report, StatusReply::new);
        d.on(CheckAccess.class, this::access, StatusReply::new);
    }

    /**
     * For a new leader: the sessions that hold files open by the metadata are kept as if their
     * clients had just gone, so each either comes back (and releases) or expires (and releases).
     */
    public void keepHolders(Instant now) {
        for (long id : ns.holdingSessions()) {
            if (id != UnreportedOpens.ABSENT) {
                sessions.keep(id, now);
            }
        }
    }

    /** Ends the window for clients to report their opens, once its time is up; run now and then. */
    public void sweep() {
        unreported.sweep();
    }

    /** A session expired: every file it held open is released (the last holder frees a nameless file). */
    public void sessionDropped(Session s) {
        for (long inode : ns.heldBy(s.id())) {
            ns.releaseOpen(inode, s.id(), ReleaseOpenRecord.ALL);
        }
    }

    private Message open(Peer from, Open o) throws MfsException {
        return new AttrReply(o.msgId(), Status.OK, open(ns, from, o.creds(), o.inode(), o.read(), o.write()));
    }

    /** Checks kind and permission and counts the open for the caller's session; the file's attributes. */
    static Attr open(Namespace ns, Peer from, Creds c, long inode, boolean read, boolean write) throws MfsException {
        Attr a = check(ns, c, inode, read, write);
        if (from.attachment() instanceof Session s) {
            s.opened(inode);
            if (ns.isHeld(inode)) {
                ns.holdOpen(inode, s.id(), 1);
            }
        }
        return a;
    }

    /** Checks kind and permission of an open without counting it; the file's attributes. */
    static Attr check(Namespace ns, Creds c, long inode, boolean read, boolean write) throws MfsException {
        Attr a = ns.getattr(inode);
        if (a.isDirectory()) {
            throw new MfsException(Status.EISDIR, "open of directory " + inode);
        }
        if (!a.isFile()) {
            throw new MfsException(Status.EINVAL, "open of " + inode + ": not a regular file but " + a.type());
        }
        if (!c.isRoot() && c.uid() != a.uid()) {
            // mode bits or, when the file has one, its ACL
            ns.checkAccess(c, inode, (read ? R : 0) | (write ? W : 0));
        }
        return a;
    }

    /**
     * One open ended, once per request id: a release sent again after a lost answer is answered
     * without ending another open (as {@link #releaseMany} does for a batch).
     */
    private Message release(Peer from, Release r) {
        if (from.attachment() instanceof Session s && s.newRelease(r.reqId())) {
            released(from, r.inode());
        }
        return new StatusReply(r.msgId(), Status.OK);
    }

    /**
     * The releases of many closes, each as a {@link Release} of its own, once per request id: a
     * batch sent again after a lost answer is answered without ending opens again (the session may
     * have opened the same file since). A batch that released files held past their last name was
     * logged, as one record whatever their number (a crash keeps the whole batch or none of it), and
     * is recognised before it gets here, on any master ({@link RetryCache}).
     */
    private Message releaseMany(Peer from, ReleaseMany r) {
        if (from.attachment() instanceof Session s && s.newRelease(r.reqId())) {
            for (long inode : r.inodes()) {
                s.released(inode);
            }
            ns.releaseOpens(s.id(), r.inodes());
        }
        return new StatusReply(r.msgId(), Status.OK);
    }

    private void released(Peer from, long inode) {
        if (from.attachment() instanceof Session s) {
            s.released(inode);
            ns.releaseOpen(inode, s.id(), 1);
        }
    }

    /**
     * A resumed session's opens: counted (at least as many as reported: opens and releases sent since
     * may have been counted already), and a file held past its last name is held for this session too.
     */
    private Message report(Peer from, ReportOpens r) {
        if (from.attachment() instanceof Session s) {
            reported(s, r.opens());
        }
        return new StatusReply(r.msgId(), Status.OK);
    }

    void reported(Session s, List<ReportOpens.OpenCount> opens) {
        for (ReportOpens.OpenCount o : opens) {
            s.openedAtLeast(o.inode(), o.opens());
            if (ns.isHeld(o.inode()) && !ns.isHeldBy(o.inode(), s.id())) {
                ns.holdOpen(o.inode(), s.id(), o.opens());
            }
        }
    }

    private Message access(Peer from, CheckAccess a) throws MfsException {
        if ((a.mask() & ~7) != 0) {
            throw new MfsException(Status.EINVAL, "access mask " + a.mask() + " on inode " + a.inode());
        }
        ns.checkAccess(a.creds(), a.inode(), a.mask());
        return new StatusReply(a.msgId(), Status.OK);
    }
}
