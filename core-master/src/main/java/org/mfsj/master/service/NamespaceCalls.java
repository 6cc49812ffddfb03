package org.mfsj.master.service;

import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.NameList;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.AttrReply;
import org.mfsj.common.wire.client2master.CountReply;
import org.mfsj.common.wire.client2master.EntryReply;
import org.mfsj.common.wire.client2master.GetAttr;
import org.mfsj.common.wire.client2master.GetXattr;
import org.mfsj.common.wire.client2master.Link;
import org.mfsj.common.wire.client2master.ListXattr;
import org.mfsj.common.wire.client2master.Lookup;
import org.mfsj.common.wire.client2master.Mkdir;
import org.mfsj.common.wire.client2master.Mknod;
import org.mfsj.common.wire.client2master.ReadDir;
import org.mfsj.common.wire.client2master.ReadDirNames;
import org.mfsj.common.wire.client2master.ReadDirNamesReply;
import org.mfsj.common.wire.client2master.ReadDirReply;
import org.mfsj.common.wire.client2master.ReadLink;
import org.mfsj.common.wire.client2master.ReadLinkReply;
import org.mfsj.common.wire.client2master.RemoveXattr;
import org.mfsj.common.wire.client2master.Rename;
import org.mfsj.common.wire.client2master.Rmdir;
import org.mfsj.common.wire.client2master.SetGoal;
import org.mfsj.common.wire.client2master.SetXattr;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.common.wire.client2master.Symlink;
import org.mfsj.common.wire.client2master.Unlink;
import org.mfsj.common.wire.client2master.XattrListReply;
import org.mfsj.common.wire.client2master.XattrReply;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.namespace.ReadDirNamesPage;
import org.mfsj.master.namespace.ReadDirPage;
import org.mfsj.master.net.RequestDispatcher;

/**
 * The namespace calls: each translates one request into one namespace call and its reply. The
 * namespace does the checking; its MfsException becomes the reply status in the dispatcher.
 * SetAttr is not here: a length change needs the chunkservers ({@link SetAttrCall}).
 */
public final class NamespaceCalls {
    /**
     * Most entries in one listing page: with attributes and long names a bigger page could pass
     * the 8 MiB frame limit. The client goes on from the last cookie, as with any short page.
     */
    static final int MAX_READDIR_ENTRIES = 10_000;

    private final Namespace ns;

    public NamespaceCalls(Namespace ns) {
        this.ns = ns;
    }

    public void register(RequestDispatcher d) {
        d.on(Lookup.class, (p, r) -> entry(r.msgId(), ns.lookup(r.creds(), r.parent(), r.name())),
                ErrorReplies::entry);
        d.on(GetAttr.class, (p, r) -> new AttrReply(r.msgId(), Status.OK, ns.getattr(r.inode())), ErrorReplies::attr);
        d.on(Mkdir.class, (p, r) -> entry(r.msgId(), ns.mkdir(r.creds(), r.parent(), r.name(), r.mode())),
                ErrorReplies::entry);
        d.on(Mknod.class, (p, r) -> entry(r.msgId(),
                ns.mknod(r.creds(), r.parent(), r.name(), r.type(), r.mode(), r.rdev())), ErrorReplies::entry);
        d.on(Symlink.class, (p, r) -> entry(r.msgId(), ns.symlink(r.creds(), r.parent(), r.name(), r.target())),
                ErrorReplies::entry);
        d.on(Link.class, (p, r) -> entry(r.msgId(), ns.link(r.creds(), r.inode(), r.newParent(), r.newName())),
                ErrorReplies::entry);
        d.on(Unlink.class, this::unlink, ErrorReplies::status);
        d.on(Rmdir.class, this::rmdir, ErrorReplies::status);
        d.on(Rename.class, this::rename, ErrorReplies::status);
        d.on(ReadLink.class, (p, r) -> new ReadLinkReply(r.msgId(), Status.OK, ns.readlink(r.inode())),
                (id, st) -> new ReadLinkReply(id, st, ""));
        d.on(ReadDir.class, this::readdir, (id, st) -> new ReadDirReply(id, st, List.of(), false));
        d.on(ReadDirNames.class, this::readdirNames, (id, st) -> new ReadDirNamesReply(id, st, NameList.EMPTY, false));
        d.on(GetXattr.class, (p, r) -> new XattrReply(r.msgId(), Status.OK, ns.getxattr(r.creds(), r.inode(),
                r.name())), (id, st) -> new XattrReply(id, st, new byte[0]));
        d.on(SetXattr.class, this::setxattr, ErrorReplies::status);
        d.on(ListXattr.class, (p, r) -> new XattrListReply(r.msgId(), Status.OK, ns.listxattr(r.creds(), r.inode())),
                (id, st) -> new XattrListReply(id, st, List.of()));
        d.on(RemoveXattr.class, this::removexattr, ErrorReplies::status);
        d.on(SetGoal.class, (p, r) -> new CountReply(r.msgId(), Status.OK,
                ns.setGoal(r.creds(), r.inode(), r.goal(), r.recursive())), (id, st) -> new CountReply(id, st, 0));
    }

    private static Message entry(int msgId, Attr attr) {
        return new EntryReply(msgId, Status.OK, attr);
    }

    private Message unlink(Peer from, Unlink r) throws MfsException {
        ns.unlink(r.creds(), r.parent(), r.name());
        return new StatusReply(r.msgId(), Status.OK);
    }

    private Message rmdir(Peer from, Rmdir r) throws MfsException {
        ns.rmdir(r.creds(), r.parent(), r.name());
        return new StatusReply(r.msgId(), Status.OK);
    }

    private Message rename(Peer from, Rename r) throws MfsException {
        ns.rename(r.creds(), r.srcParent(), r.srcName(), r.dstParent(), r.dstName());
        return new StatusReply(r.msgId(), Status.OK);
    }

    private Message readdir(Peer from, ReadDir r) throws MfsException {
        ReadDirPage page = ns.readdir(r.creds(), r.inode(), r.cookie(), pageSize(r), r.withAttrs());
        return new ReadDirReply(r.msgId(), Status.OK, page.entries(), page.eof());
    }

    private Message readdirNames(Peer from, ReadDirNames call) throws MfsException {
        ReadDir r = call.call();
        ReadDirNamesPage page = ns.readdirNames(r.creds(), r.inode(), r.cookie(), pageSize(r));
        return new ReadDirNamesReply(r.msgId(), Status.OK, page.names(), page.eof());
    }

    /** The count is unsigned on the wire: a huge one reads as negative and means "as many as fit". */
    private static int pageSize(ReadDir r) {
        return Integer.compareUnsigned(r.maxEntries(), MAX_READDIR_ENTRIES) > 0 ? MAX_READDIR_ENTRIES : r.maxEntries();
    }

    private Message setxattr(Peer from, SetXattr r) throws MfsException {
        ns.setxattr(r.creds(), r.inode(), r.name(), r.value(), r.flags());
        return new StatusReply(r.msgId(), Status.OK);
    }

    private Message removexattr(Peer from, RemoveXattr r) throws MfsException {
        ns.removexattr(r.creds(), r.inode(), r.name());
        return new StatusReply(r.msgId(), Status.OK);
    }
}
