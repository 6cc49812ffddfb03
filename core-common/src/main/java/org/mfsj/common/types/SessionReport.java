package org.mfsj.common.types;

/**
 * One client session as the master sees it: who (client info, address), what it mounted, how
 * many files it has open and locks it holds, and whether it is connected now.
 */
public record SessionReport(long id, String clientInfo, String address, long rootInode, boolean connected,
        long lastSeenMillis, int openFiles, int locks) {
}
