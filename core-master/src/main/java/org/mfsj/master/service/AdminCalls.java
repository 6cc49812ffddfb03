package org.mfsj.master.service;

import java.util.ArrayList;
import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkReport;
import org.mfsj.common.types.CopyReport;
import org.mfsj.common.types.ServerReport;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.ClusterStatus;
import org.mfsj.common.wire.client2master.ClusterStatusReply;
import org.mfsj.common.wire.client2master.FileInfo;
import org.mfsj.common.wire.client2master.FileInfoReply;
import org.mfsj.common.wire.client2master.Ping;
import org.mfsj.common.wire.client2master.StatFs;
import org.mfsj.common.wire.client2master.StatFsReply;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.master.chunks.Chunk;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.chunks.ChunkStats;
import org.mfsj.master.chunks.ServerTable;
import org.mfsj.master.chunks.StorageServer;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.net.RequestDispatcher;
import org.mfsj.master.session.SessionRegistry;

/** Calls for tools and health checks: cluster status, file info, statfs, ping. */
public final class AdminCalls {
    private final Namespace ns;
    private final ChunkRegistry registry;
    private final ServerTable servers;
    private final SessionRegistry sessions;

    public AdminCalls(Namespace ns, ChunkRegistry registry, ServerTable servers, SessionRegistry sessions) {
        this.ns = ns;
        this.registry = registry;
        this.servers = servers;
        this.sessions = sessions;
    }

    public void register(RequestDispatcher d) {
        d.on(Ping.class, (p, r) -> new StatusReply(r.msgId(), Status.OK), ErrorReplies::status);
        d.on(StatFs.class, this::statfs, (id, st) -> new StatFsReply(id, st, 0, 0, 0, 0));
        d.on(ClusterStatus.class, this::clusterStatus,
                (id, st) -> new ClusterStatusReply(id, List.of(), List.of(), 0, 0, 0, 0, 0));
        d.on(FileInfo.class, this::fileInfo, (id, st) -> new FileInfoReply(id, st, List.of()));
    }

    private Message statfs(Peer from, StatFs r) {
        long total = servers.totalBytes();
        long used = servers.usedBytes();
        return new StatFsReply(r.msgId(), Status.OK, total, Math.max(0, total - used), used, ns.stats().inodes());
    }

    private Message clusterStatus(Peer from, ClusterStatus r) {
        List<ServerReport> reports = servers.all().stream().map(StorageServer::report).toList();
        ChunkStats stats = registry.stats();
        return new ClusterStatusReply(r.msgId(), reports, stats.byValidCopies(), stats.chunks(), stats.undergoal(),
                stats.overgoal(), sessions.size(), ns.stats().inodes());
    }

    private Message fileInfo(Peer from, FileInfo r) throws MfsException {
        long[] table = ns.chunks(r.inode());
        int goal = ns.getGoal(r.inode());
        List<ChunkReport> chunks = new ArrayList<>(table.length);
        for (int i = 0; i < table.length; i++) {
            Chunk c = table[i] == 0 ? null : registry.get(table[i]);
            if (c == null) {
                chunks.add(new ChunkReport(i, table[i], 0, goal, List.of()));
                continue;
            }
            List<CopyReport> copies = c.replicas().stream()
                    .map(rep -> new CopyReport(rep.server().dataAddress(), rep.version(), c.isValid(rep)))
                    .toList();
            chunks.add(new ChunkReport(i, c.id(), c.version(), goal, copies));
        }
        return new FileInfoReply(r.msgId(), Status.OK, chunks);
    }
}
