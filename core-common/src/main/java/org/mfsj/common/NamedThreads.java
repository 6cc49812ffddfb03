package org.mfsj.common;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so a thread dump shows which part of a process is doing what. */
public final class NamedThreads {
    private NamedThreads() {
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}, ...; daemons, so none keeps the JVM alive. */
    public static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
