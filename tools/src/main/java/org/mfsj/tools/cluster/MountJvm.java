package org.mfsj.tools.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * JVM options of a mount daemon. It runs the client tier only (C1): on a small machine the
 * optimising compiler's work in a fresh mount took about as much CPU as serving the requests it
 * was compiling for (a 256 MiB read: 0.7 of 1.2 CPU seconds), and the mount's hot paths are
 * copies and hand-offs that the client tier compiles well. A choice of tiers given by the caller
 * is kept.
 */
public final class MountJvm {
    static final String CLIENT_TIER_ONLY = "-XX:TieredStopAtLevel=1";

    private MountJvm() {
    }

    public static List<String> options(List<String> given) {
        boolean chosen = given.stream().anyMatch(o -> o.startsWith("-XX:TieredStopAtLevel")
                || o.endsWith("TieredCompilation"));
        List<String> out = new ArrayList<>(given);
        if (!chosen) {
            out.add(CLIENT_TIER_ONLY);
        }
        return out;
    }
}
