package org.mfsj.tools.cmd;

/** A one-line transfer meter on stderr, shown only when a person is watching a terminal. */
final class Progress {
    private final String what;
    private final long total;
    private final boolean enabled = System.console() != null;
    private final long start = System.nanoTime();
    private long lastPrint = start;

    Progress(String what, long total) {
        this.what = what;
        this.total = total;
    }

    void update(long done) {
        long now = System.nanoTime();
        if (!enabled || now - lastPrint < 500_000_000L) {
            return;
        }
        lastPrint = now;
        System.err.print("\r" + line(done, now));
    }

    void finish(long done) {
        if (enabled) {
            System.err.println("\r" + line(done, System.nanoTime()));
        }
    }

    private String line(long done, long now) {
        double secs = Math.max((now - start) / 1e9, 1e-3);
        String of = total > 0 ? String.format(" of %.1f MiB (%d%%)", total / 1048576.0, done * 100 / total) : "";
        return String.format("%s: %.1f MiB%s, %.1f MB/s   ", what, done / 1048576.0, of, done / 1e6 / secs);
    }
}
