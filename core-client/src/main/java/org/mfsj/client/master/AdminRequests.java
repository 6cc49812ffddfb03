package org.mfsj.client.master;

import java.util.List;
import org.mfsj.client.ClusterStatus;
import org.mfsj.client.FsStat;
import org.mfsj.client.MasterReplyCounts;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.ChunkReport;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.SessionReport;
import org.mfsj.common.wire.client2master.ClusterStatusReply;
import org.mfsj.common.wire.client2master.CountReply;
import org.mfsj.common.wire.client2master.FileInfo;
import org.mfsj.common.wire.client2master.FileInfoReply;
import org.mfsj.common.wire.client2master.ListSessions;
import org.mfsj.common.wire.client2master.ReplyCounts;
import org.mfsj.common.wire.client2master.ReplyCountsReply;
import org.mfsj.common.wire.client2master.SessionsReply;
import org.mfsj.common.wire.client2master.SetGoal;
import org.mfsj.common.wire.client2master.StatFs;
import org.mfsj.common.wire.client2master.StatFsReply;

/** The calls operators' tools make (space, goals, chunk reports, cluster and session status). */
public final class AdminRequests {
    private final MasterCalls master;

    public AdminRequests(MasterCalls master) {
        this.master = master;
    }

    public FsStat statfs() throws MfsException {
        StatFsReply r = master.request(StatFs::new, StatFsReply.class, "statfs");
        MfsException.check(r.status(), "statfs");
        return new FsStat(r.totalBytes(), r.availBytes(), r.usedBytes(), r.inodes());
    }

    public long setGoal(Creds creds, long inode, int goal, boolean recursive) throws MfsException {
        String what = "setgoal " + goal + " on " + inode;
        long rq = master.newRequestId();
        CountReply r = master.request(id -> new SetGoal(id, creds, inode, goal, recursive, rq), CountReply.class, what);
        MfsException.check(r.status(), what);
        return r.count();
    }

    /** Where each chunk of {@code inode} is; the caller flushes its own pending writes first. */
    public List<ChunkReport> fileInfo(long inode) throws MfsException {
        String what = "fileinfo " + inode;
        FileInfoReply r = master.request(id -> new FileInfo(id, inode), FileInfoReply.class, what);
        MfsException.check(r.status(), what);
        return List.copyOf(r.chunks());
    }

    public ClusterStatus clusterStatus() throws MfsException {
        ClusterStatusReply r = master.request(org.mfsj.common.wire.client2master.ClusterStatus::new,
                ClusterStatusReply.class, "cluster status");
        return new ClusterStatus(r.servers(), r.chunksByCopies(), r.chunks(), r.undergoal(), r.overgoal(),
                r.sessions(), r.inodes());
    }

    /** How many changes the master answered once durable and once applied (tests count round trips with it). */
    public MasterReplyCounts replyCounts() throws MfsException {
        ReplyCountsReply r = master.request(ReplyCounts::new, ReplyCountsReply.class, "reply counts");
        MfsException.check(r.status(), "reply counts");
        return new MasterReplyCounts(r.durable(), r.applied());
    }

    public List<SessionReport> sessions() throws MfsException {
        SessionsReply r = master.request(ListSessions::new, SessionsReply.class, "list sessions");
        MfsException.check(r.status(), "list sessions");
        return r.sessions();
    }
}
