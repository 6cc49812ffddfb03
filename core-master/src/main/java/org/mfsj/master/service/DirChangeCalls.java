package org.mfsj.master.service;

import java.util.ArrayList;
import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.client2master.AttrReply;
import org.mfsj.common.wire.client2master.CreateOpen;
import org.mfsj.common.wire.client2master.DirChangeReply;
import org.mfsj.common.wire.client2master.EntryReply;
import org.mfsj.common.wire.client2master.Link;
import org.mfsj.common.wire.client2master.Mkdir;
import org.mfsj.common.wire.client2master.Mknod;
import org.mfsj.common.wire.client2master.Rename;
import org.mfsj.common.wire.client2master.Rmdir;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.common.wire.client2master.Symlink;
import org.mfsj.common.wire.client2master.Unlink;
import org.mfsj.common.wire.client2master.WithDirAttrs;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.net.RequestDispatcher;

/**
 * {@link WithDirAttrs}: the wrapped change is served by its own handler; its reply gets the
 * attributes of the directories it named, read on the master thread right after the change, so
 * no other change comes between.
 */
public final class DirChangeCalls implements RequestDispatcher.Envelope<WithDirAttrs> {
    private final Namespace ns;

    public DirChangeCalls(Namespace ns) {
        this.ns = ns;
    }

    public void register(RequestDispatcher d) {
        d.onEnvelope(WithDirAttrs.class, this);
    }

    @Override
    public Message inner(WithDirAttrs outer) {
        return outer.call();
    }

    /** The inodes the change will touch without returning them: the names it removes or moves. */
    @Override
    public Object before(WithDirAttrs outer) {
        List<Long> touched = new ArrayList<>(DirChangeReply.MAX_CHANGED);
        if (outer.call() instanceof Unlink u) {
            addInode(touched, u.parent(), u.name());
        } else if (outer.call() instanceof Rmdir r) {
            addInode(touched, r.parent(), r.name());
        } else if (outer.call() instanceof Rename r) {
            addInode(touched, r.srcParent(), r.srcName());
            addInode(touched, r.dstParent(), r.dstName());
        }
        return touched;
    }

    private void addInode(List<Long> into, long dir, String name) {
        try {
            into.add(ns.lookup(Creds.ROOT, dir, name).inode());
        } catch (MfsException absent) {
            // nothing there: nothing touched
        }
    }

    @Override
    public Message reply(WithDirAttrs outer, Object before, Message innerReply) {
        Message call = outer.call();
        long dir;
        long otherDir = 0;
        if (call instanceof Rename r) {
            dir = r.srcParent();
            otherDir = r.dstParent() == r.srcParent() ? 0 : r.dstParent();
        } else if (call instanceof Link l) {
            dir = l.newParent();
        } else {
            dir = parentOf(call);
        }
        Status status;
        Attr entry = null;
        if (innerReply instanceof EntryReply e) {
            status = e.status();
            entry = e.attr();
        } else if (innerReply instanceof AttrReply a) {
            status = a.status();
            entry = a.attr();
        } else if (innerReply instanceof StatusReply s) {
            status = s.status();
        } else {
            throw new IllegalStateException(innerReply.getClass().getSimpleName() + " answering " + call);
        }
        @SuppressWarnings("unchecked")
        List<Long> touched = status.isOk() ? (List<Long>) before : List.of();
        return new DirChangeReply(outer.msgId(), status, entry, attrOrNull(dir),
                otherDir == 0 ? null : attrOrNull(otherDir), touched);
    }

    private static long parentOf(Message call) {
        if (call instanceof Mknod m) {
            return m.parent();
        } else if (call instanceof CreateOpen c) {
            return c.parent();
        } else if (call instanceof Mkdir m) {
            return m.parent();
        } else if (call instanceof Symlink s) {
            return s.parent();
        } else if (call instanceof Unlink u) {
            return u.parent();
        } else if (call instanceof Rmdir r) {
            return r.parent();
        }
        throw new IllegalStateException(call.getClass().getSimpleName() + " names no directory");
    }

    private Attr attrOrNull(long inode) {
        try {
            return ns.getattr(inode);
        } catch (MfsException gone) {
            return null;
        }
    }
}
