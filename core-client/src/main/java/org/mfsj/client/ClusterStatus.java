package org.mfsj.client;

import java.util.List;
import org.mfsj.common.types.ServerReport;

/**
 * Cluster overview for status tools; {@code chunksByCopies.get(n)} counts chunks with n valid copies.
 */
public record ClusterStatus(List<ServerReport> servers, List<Long> chunksByCopies, long chunks, long undergoal,
                            long overgoal, int sessions, long inodes) {
    public ClusterStatus {
        servers = List.copyOf(servers);
        chunksByCopies = List.copyOf(chunksByCopies);
    }
}
