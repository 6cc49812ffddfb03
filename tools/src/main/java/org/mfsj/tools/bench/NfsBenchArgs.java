package org.mfsj.tools.bench;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What {@code NfsBench} is told to do; {@link #parse} says what is wrong with bad arguments. */
record NfsBenchArgs(String host, int nfsPort, int mountPort, String export, String dir, Set<Phase> phases,
                    long sizeMib, int ioKib, int files, int randomOps, int outstanding, int connections) {

    /** The workloads, in the order they run. */
    enum Phase { WRITE, READ, RANDOM, META }

    static final String USAGE = "usage: NfsBench --nfs-port N --mount-port N [--host 127.0.0.1] [--export /]"
            + " [--dir nfsbench] [--phases write,read,random,meta] [--size-mib 1024] [--io-kib 1024]"
            + " [--files 10000] [--random-ops 20000] [--outstanding 16] [--connections 1]";

    static NfsBenchArgs parse(String... args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected '--option value' at '" + args[i] + "'; " + USAGE);
            }
            a.put(args[i].substring(2), args[i + 1]);
        }
        NfsBenchArgs r = new NfsBenchArgs(take(a, "host", "127.0.0.1"), port(a, "nfs-port"), port(a, "mount-port"),
                take(a, "export", "/"), take(a, "dir", "nfsbench"), phases(take(a, "phases", "write,read,random,meta")),
                positive(a, "size-mib", 1024), (int) positive(a, "io-kib", 1024), (int) positive(a, "files", 10_000),
                (int) positive(a, "random-ops", 20_000), (int) positive(a, "outstanding", 16),
                (int) positive(a, "connections", 1));
        if (!a.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + a.keySet().iterator().next() + "; " + USAGE);
        }
        if (r.ioKib > 1024 || (r.sizeMib * 1024) % r.ioKib != 0) {
            throw new IllegalArgumentException("--io-kib must be at most 1024 and divide --size-mib");
        }
        if (r.dir.isEmpty() || r.dir.contains("/")) {
            throw new IllegalArgumentException("--dir is one name in the export, not '" + r.dir + "'");
        }
        return r;
    }

    long sizeBytes() {
        return sizeMib << 20;
    }

    private static String take(Map<String, String> a, String key, String dflt) {
        String v = a.remove(key);
        return v == null ? dflt : v;
    }

    private static int port(Map<String, String> a, String key) {
        String v = a.remove(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + " is required; " + USAGE);
        }
        int p = (int) number(key, v);
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("--" + key + " " + v + " is not a TCP port");
        }
        return p;
    }

    private static long positive(Map<String, String> a, String key, long dflt) {
        String v = a.remove(key);
        long n = v == null ? dflt : number(key, v);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--" + key + " must be a positive integer, not " + v);
        }
        return n;
    }

    private static long number(String key, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number, not '" + v + "'");
        }
    }

    private static Set<Phase> phases(String list) {
        Set<Phase> s = EnumSet.noneOf(Phase.class);
        for (String p : list.split(",")) {
            try {
                s.add(Phase.valueOf(p.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown phase '" + p + "' (write, read, random, meta)");
            }
        }
        return s;
    }
}
