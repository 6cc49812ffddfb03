package org.mfsj.chunkserver;

import java.util.concurrent.ThreadFactory;
import org.mfsj.common.NamedThreads;

/** Named daemon threads, so a thread dump shows which part of the chunkserver is doing what. */
public final class Threads {
    private Threads() {
    }

    public static ThreadFactory named(String prefix) {
        return NamedThreads.daemons(prefix);
    }
}
