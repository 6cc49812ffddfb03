package org.mfsj.tools.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HA column from one connection count: every side (one master, three masters) started and
 * warmed up first, then timed passes alternated between the sides (the side that leads a round
 * changes each round), so that neither side pays the JIT's warm-up or a quieter minute of the
 * machine alone; each side's figures are medians over its passes.
 */
final class HaColumn {
    private static final String[] LOGGED = {"create", "setxattr", "rename", "unlink"};

    private final List<MasterOpsBench> sides = new ArrayList<>();
    private final int passes;

    HaColumn(Path data, int ops, int warmup, int conns, List<Integer> masters, boolean processes, int passes) {
        for (int m : masters) {
            sides.add(new MasterOpsBench(data.resolve("ops-" + conns + "-" + m), ops, warmup, conns, m, processes));
        }
        this.passes = passes;
    }

    void run() throws Exception {
        try {
            for (MasterOpsBench s : sides) {
                s.open();
            }
            List<List<PassTimes>> times = new ArrayList<>();
            sides.forEach(s -> times.add(new ArrayList<>()));
            for (int k = 0; k < passes; k++) {
                for (int i = 0; i < sides.size(); i++) {
                    int side = (i + k) % sides.size();
                    times.get(side).add(sides.get(side).pass(k));
                }
            }
            for (int i = 0; i < sides.size(); i++) {
                sides.get(i).report(times.get(i));
            }
            printCost(times);
        } finally {
            for (MasterOpsBench s : sides) {
                s.close();
            }
        }
    }

    /** 1 - (median ops/s of each replicated side) / (median ops/s of one master), for the logged phases. */
    private void printCost(List<List<PassTimes>> times) {
        int single = -1;
        for (int i = 0; i < sides.size(); i++) {
            if (sides.get(i).masters() == 1) {
                single = i;
            }
        }
        if (single < 0) {
            return;
        }
        MasterOpsBench one = sides.get(single);
        List<PassTimes> alone = times.get(single);
        for (int i = 0; i < sides.size(); i++) {
            MasterOpsBench ha = sides.get(i);
            if (i == single) {
                continue;
            }
            for (String phase : LOGGED) {
                int p = List.of(MasterOpsBench.PHASES).indexOf(phase);
                double base = PassTimes.median(alone, t -> one.opsPerSecond(t, p));
                double with = PassTimes.median(times.get(i), t -> ha.opsPerSecond(t, p));
                MasterBench.print("HA cost, " + phase + ", " + ha.label(), 100 * (1 - with / base),
                        String.format(Locale.ROOT, "%% of 1 master's ops/s (medians of %d passes)", passes));
            }
        }
    }
}
