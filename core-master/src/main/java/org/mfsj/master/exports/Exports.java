package org.mfsj.master.exports;

import java.net.InetAddress;
import java.util.List;
import org.mfsj.common.auth.PasswordProof;

/**
 * The master's exports: the first line that admits the client's address, covers the directory
 * it asks for and (when the line has a password) got a right answer to the challenge decides.
 */
public final class Exports {
    private final List<ExportRule> rules;
    private final String source;

    public Exports(List<ExportRule> rules, String source) {
        this.rules = List.copyOf(rules);
        this.source = source;
    }

    /** No exports file: everyone may mount everything read-write, as before exports existed. */
    public static Exports openToAll() {
        return new Exports(List.of(ExportRule.openToAll()), "(no exports file: open to all)");
    }

    /**
     * Reads {@code file} (empty: no exports file, everyone admitted).
     *
     * @throws org.mfsj.common.config.ConfigException naming the file, line and option at fault
     */
    public static Exports load(String file) throws org.mfsj.common.config.ConfigException {
        if (file == null || file.isBlank()) {
            return openToAll();
        }
        java.nio.file.Path p = java.nio.file.Path.of(file);
        return new Exports(ExportsFile.read(p), p.toString());
    }

    public boolean isOpenToAll() {
        return rules.size() == 1 && rules.get(0).line() == 0;
    }

    /** The rule that admits this mount, or a refusal that says why. */
    public Decision decide(InetAddress client, String subdir, byte[] challenge, byte[] answer) {
        String dir = ExportsFile.normalise(subdir.isEmpty() ? "/" : subdir);
        boolean passwordRefused = false;
        for (ExportRule r : rules) {
            if (!r.addresses().admits(client) || r.path().equals(".") || !r.covers(dir)) {
                continue;
            }
            if (r.needsPassword() && !PasswordProof.verify(r.passwordMd5(), challenge, answer)) {
                passwordRefused = true;
                continue;
            }
            return new Decision(r, null);
        }
        String why = passwordRefused
                ? "the export of '" + dir + "' to " + client.getHostAddress() + " needs a password and none or a wrong one"
                        + " was given (" + source + ")"
                : "no export of '" + dir + "' to " + client.getHostAddress() + " in " + source;
        return new Decision(null, why);
    }

    /** Whether any line needs a password (then clients may ask for a challenge). */
    public boolean anyPassword() {
        return rules.stream().anyMatch(ExportRule::needsPassword);
    }

    public record Decision(ExportRule rule, String refusal) {
        public boolean admitted() {
            return rule != null;
        }
    }
}
