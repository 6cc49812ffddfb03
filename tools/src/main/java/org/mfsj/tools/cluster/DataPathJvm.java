package org.mfsj.tools.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * JVM options of the daemons on the data path: the mount, the chunkservers and the S3 gateway.
 * They run the client tier only (C1). Their hot paths are copies, CRCs and system calls, which run as
 * intrinsics and stubs at either tier, so the optimising compiler buys them nothing measurable
 * once warm (a chunkserver's user time for a third GiB written was 0.2 s either way), while in a
 * fresh process it costs about as much CPU as the work it compiles for: a mount's 256 MiB read
 * spent 0.7 of 1.2 CPU seconds in C2, and a chunkserver's first GiB written spent twice the
 * compiler time with C2 as with C1 alone. The S3 gateway too: a few thousand requests after start
 * its C2 threads still took more CPU than its request threads (a 1 MiB GET 1.2 of 2.7 ms, the
 * compiles of Jetty's write path taking up to a second each); with C1 alone the gateway's CPU per
 * request in bench/s3's phases fell by half or more for small PUTs and GETs (4 KiB PUT 4.45, 4.90
 * -> 1.65, 1.70 ms) and 1 MiB GETs (5.25, 5.25 -> 3.25, 2.00), while MD5, which C2 alone turns
 * into an intrinsic, costs about 1.2 ms more per MiB PUT (2.7 against 1.5). The master keeps both
 * tiers: its namespace work is Java through and through. A choice of tiers given by the caller is
 * kept.
 *
 * <p>C1 also compiles ten times sooner than by default ({@link #EARLY_COMPILE}): a method runs
 * interpreted for its first 200 calls, and most of the data path runs once per 1 MiB message, so a
 * fresh chunkserver handled the first fifth of a GiB partly in the interpreter (a fifth of its
 * samples). Two A/B pairs, 1 GiB dd at goal 1: the chunkservers' CPU for the write 2.21, 2.90 ->
 * 1.94, 1.73 s, the mount's for the read 1.61, 1.54 -> 1.36, 1.30 s; start-up costs each process
 * about 0.25 CPU s more. A scaling given by the caller is kept.
 */
public final class DataPathJvm {
    static final String CLIENT_TIER_ONLY = "-XX:TieredStopAtLevel=1";
    static final String EARLY_COMPILE = "-XX:CompileThresholdScaling=0.1";

    private DataPathJvm() {
    }

    public static List<String> options(List<String> given) {
        boolean chosen = given.stream().anyMatch(o -> o.startsWith("-XX:TieredStopAtLevel")
                || o.endsWith("TieredCompilation"));
        List<String> out = new ArrayList<>(given);
        if (!chosen) {
            out.add(CLIENT_TIER_ONLY);
        }
        if (given.stream().noneMatch(o -> o.startsWith("-XX:CompileThresholdScaling"))) {
            out.add(EARLY_COMPILE);
        }
        return out;
    }
}
