package org.mfsj.tools.it;

import java.util.HashMap;
import java.util.Map;

/**
 * What the NFS test guest reported: lines "@@ VERSION STEP STATUS OUTPUT" from its scenario, plus
 * its console, kept to explain a failure.
 */
final class GuestFacts {
    /** One step of the guest's scenario: the command's exit status and its output on one line. */
    record Fact(int status, String out) {
        /** The first word of the output: the digest of sha256sum, the number of stat. */
        String word() {
            int space = out.indexOf(' ');
            return space < 0 ? out : out.substring(0, space);
        }
    }

    private final Map<String, Fact> facts;
    private final String console;
    private final boolean poweredOff;

    private GuestFacts(Map<String, Fact> facts, String console, boolean poweredOff) {
        this.facts = facts;
        this.console = console;
        this.poweredOff = poweredOff;
    }

    static GuestFacts parse(String factLines, String console, boolean poweredOff) {
        Map<String, Fact> facts = new HashMap<>();
        for (String line : factLines.split("\r?\n")) {
            if (!line.startsWith("@@ ")) {
                continue;
            }
            String[] f = line.substring(3).split(" ", 4);
            if (f.length >= 3 && f[2].matches("\\d+")) {
                facts.put(f[0] + " " + f[1], new Fact(Integer.parseInt(f[2]), f.length > 3 ? f[3].strip() : ""));
            } else if (f.length >= 2) {
                facts.put(f[0] + " " + f[1], new Fact(0, f.length > 2 ? f[2] : ""));
            }
        }
        return new GuestFacts(facts, console, poweredOff);
    }

    /** The fact of {@code step} for {@code version}; an error naming the console when it is missing. */
    Fact of(String version, String step) {
        Fact f = facts.get(version + " " + step);
        if (f == null) {
            throw new AssertionError("the guest reported no step '" + step + "' for NFS " + version + "\n"
                    + explain());
        }
        return f;
    }

    boolean finished() {
        return poweredOff && facts.containsKey("guest done");
    }

    /** The end of the guest's console, for assertion messages. */
    String explain() {
        String tail = console.length() > 6000 ? console.substring(console.length() - 6000) : console;
        return "powered off: " + poweredOff + "; facts: " + facts + "\nconsole (end):\n" + tail;
    }
}
