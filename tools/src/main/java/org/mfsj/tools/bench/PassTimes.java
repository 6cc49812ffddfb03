package org.mfsj.tools.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One timed pass of every phase against one set of masters: each phase's wall time and this JVM's
 * CPU time (nanoseconds), and each master process's CPU seconds in it (processes only).
 */
record PassTimes(long[] nanos, long[] cpuNanos, Map<String, double[]> masterCpu) {
    /** The median over passes of {@code figure} (of an odd count the middle one, of an even the mean of the two). */
    static double median(List<PassTimes> passes, ToDoubleFunction<PassTimes> figure) {
        double[] v = passes.stream().mapToDouble(figure).sorted().toArray();
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    static double min(List<PassTimes> passes, ToDoubleFunction<PassTimes> figure) {
        return passes.stream().mapToDouble(figure).min().orElse(0);
    }

    static double max(List<PassTimes> passes, ToDoubleFunction<PassTimes> figure) {
        return passes.stream().mapToDouble(figure).max().orElse(0);
    }

    @Override
    public String toString() {
        return "PassTimes" + Arrays.toString(nanos);
    }
}
