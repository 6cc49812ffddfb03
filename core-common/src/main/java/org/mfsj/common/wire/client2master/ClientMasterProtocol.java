package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.MessageFamily;

/** Client to master and back: session, namespace, chunk locations, status. Types 1000-1999, stable. */
public final class ClientMasterProtocol {
    public static final MessageFamily FAMILY = new MessageFamily("client<->master")
            .add(1001, RegisterSession.class, RegisterSession::decode)
            .add(1002, Lookup.class, Lookup::decode)
            .add(1003, GetAttr.class, GetAttr::decode)
            .add(1004, SetAttr.class, SetAttr::decode)
            .add(1005, Mkdir.class, Mkdir::decode)
            .add(1006, Mknod.class, Mknod::decode)
            .add(1007, Unlink.class, Unlink::decode)
            .add(1008, Rmdir.class, Rmdir::decode)
            .add(1009, Rename.class, Rename::decode)
            .add(1010, Link.class, Link::decode)
            .add(1011, Symlink.class, Symlink::decode)
            .add(1012, ReadLink.class, ReadLink::decode)
            .add(1013, ReadDir.class, ReadDir::decode)
            .add(1014, ReadChunk.class, ReadChunk::decode)
            .add(1015, WriteChunk.class, WriteChunk::decode)
            .add(1016, WriteChunkEnd.class, WriteChunkEnd::decode)
            .add(1017, SetGoal.class, SetGoal::decode)
            .add(1018, FileInfo.class, FileInfo::decode)
            .add(1019, ClusterStatus.class, ClusterStatus::decode)
            .add(1020, StatFs.class, StatFs::decode)
            .add(1021, GetXattr.class, GetXattr::decode)
            .add(1022, SetXattr.class, SetXattr::decode)
            .add(1023, ListXattr.class, ListXattr::decode)
            .add(1024, RemoveXattr.class, RemoveXattr::decode)
            .add(1025, Ping.class, Ping::decode)
            .add(1030, LockCall.class, LockCall::decode)
            .add(1031, CheckAccess.class, CheckAccess::decode)
            .add(1032, Open.class, Open::decode)
            .add(1033, Release.class, Release::decode)
            .add(1034, ListSessions.class, ListSessions::decode)
            .add(1500, StatusReply.class, StatusReply::decode)
            .add(1501, RegisterSessionReply.class, RegisterSessionReply::decode)
            .add(1502, EntryReply.class, EntryReply::decode)
            .add(1503, AttrReply.class, AttrReply::decode)
            .add(1512, ReadLinkReply.class, ReadLinkReply::decode)
            .add(1513, ReadDirReply.class, ReadDirReply::decode)
            .add(1514, ReadChunkReply.class, ReadChunkReply::decode)
            .add(1515, WriteChunkReply.class, WriteChunkReply::decode)
            .add(1517, CountReply.class, CountReply::decode)
            .add(1518, FileInfoReply.class, FileInfoReply::decode)
            .add(1519, ClusterStatusReply.class, ClusterStatusReply::decode)
            .add(1520, StatFsReply.class, StatFsReply::decode)
            .add(1521, XattrReply.class, XattrReply::decode)
            .add(1523, XattrListReply.class, XattrListReply::decode)
            .add(1530, LockReply.class, LockReply::decode)
            .add(1534, SessionsReply.class, SessionsReply::decode);

    private ClientMasterProtocol() {
    }
}
