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
            .add(1026, SaveImage.class, SaveImage::decode)
            .add(1030, LockCall.class, LockCall::decode)
            .add(1031, CheckAccess.class, CheckAccess::decode)
            .add(1032, Open.class, Open::decode)
            // 1033 was Release without a request id (its retry could end an open twice), retired for 1087
            .add(1034, ListSessions.class, ListSessions::decode)
            .add(1035, SessionChallenge.class, SessionChallenge::decode)
            .add(1040, SetTrashTime.class, SetTrashTime::decode)
            .add(1041, GetTrashTime.class, GetTrashTime::decode)
            .add(1042, ListTrash.class, ListTrash::decode)
            .add(1043, RestoreTrash.class, RestoreTrash::decode)
            .add(1044, PurgeTrash.class, PurgeTrash::decode)
            .add(1045, Snapshot.class, Snapshot::decode)
            .add(1046, SetQuota.class, SetQuota::decode)
            .add(1047, GetQuota.class, GetQuota::decode)
            .add(1048, CreateOpen.class, CreateOpen::decode)
            .add(1049, LookupObject.class, LookupObject::decode)
            // 1050 was Publish without the path to its directory (a PUT could land where another client
            // had just moved that directory), retired for 1088
            .add(1051, AppendChunks.class, AppendChunks::decode)
            .add(1052, MasterRole.class, MasterRole::decode)
            .add(1053, TransferLeader.class, TransferLeader::decode)
            .add(1054, ReadSession.class, ReadSession::decode)
            .add(1055, WatchVersions.class, WatchVersions::decode)
            .add(1056, VersionNotice.class, VersionNotice::decode)
            .add(1057, ReadFence.class, ReadFence::decode)
            .add(1058, ReadsServed.class, ReadsServed::decode)
            .add(1060, ScratchCreateOpen.class, ScratchCreateOpen::decode)
            // 1061 was ScratchWriteChunk (a scratch chunk made by the master at once), retired for ScratchOpenChunk
            .add(1062, ScratchWriteChunkEnd.class, ScratchWriteChunkEnd::decode)
            .add(1063, WithDirAttrs.class, WithDirAttrs::decode)
            .add(1064, ReplyCounts.class, ReplyCounts::decode)
            .add(1068, ReplyCountsReply.class, ReplyCountsReply::decode)
            .add(1069, DirChangeReply.class, DirChangeReply::decode)
            .add(1070, ChangeVoters.class, ChangeVoters::decode)
            .add(1071, ChangeVotersReply.class, ChangeVotersReply::decode)
            // 1074/1075: a listing by name only, packed, and its reply
            .add(1074, ReadDirNames.class, ReadDirNames::decode)
            .add(1075, ReadDirNamesReply.class, ReadDirNamesReply::decode)
            // 1076/1576: a scratch file's new chunk, created by its chain instead of by the master
            .add(1076, ScratchOpenChunk.class, ScratchOpenChunk::decode)
            // 1077/1577: a scratch file made with its first chunk opened; 1078: its publish with its last chunk ends
            .add(1077, ScratchCreateWrite.class, ScratchCreateWrite::decode)
            // 1078 was PublishWritten carrying a 1050 Publish, retired for 1059
            // 1079 was ReleaseMany without a request id (its retry could end an open twice), retired for 1083
            // 1083: the releases of many closes in one message, with the request id its retries keep
            .add(1083, ReleaseMany.class, ReleaseMany::decode)
            // 1082: the files a resumed session has open (a new leader never saw those opens)
            .add(1082, ReportOpens.class, ReportOpens::decode)
            // 1084: a lease on a directory's names, and 1065 its recall (master to client, unasked)
            .add(1084, DirLease.class, DirLease::decode)
            .add(1065, DirLeaseRecall.class, DirLeaseRecall::decode)
            // 1087: the release of one open, with the request id its retries keep
            .add(1087, Release.class, Release::decode)
            // 1088: a publish with the path by which its caller found its directory, checked as it is done
            .add(1088, Publish.class, Publish::decode)
            // 1059: the same with its file's last chunk ends (as 1078 was)
            .add(1059, PublishWritten.class, PublishWritten::decode)
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
            .add(1534, SessionsReply.class, SessionsReply::decode)
            .add(1535, ChallengeReply.class, ChallengeReply::decode)
            .add(1542, TrashListReply.class, TrashListReply::decode)
            .add(1547, QuotaReply.class, QuotaReply::decode)
            .add(1549, LookupObjectReply.class, LookupObjectReply::decode)
            .add(1552, MasterRoleReply.class, MasterRoleReply::decode)
            .add(1553, TransferLeaderReply.class, TransferLeaderReply::decode)
            .add(1576, NewChunkReply.class, NewChunkReply::decode)
            .add(1577, ScratchCreatedReply.class, ScratchCreatedReply::decode);

    private ClientMasterProtocol() {
    }
}
