package org.mfsj.master.exports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.mfsj.common.auth.PasswordProof;
import org.mfsj.common.config.ConfigException;
import org.mfsj.common.types.Creds;

/**
 * Reads mfsexports.cfg: one export a line, {@code ADDRESS DIRECTORY [OPTION,OPTION...]}, {@code #}
 * comments. Options: ro/readonly, rw/readwrite, alldirs, maproot=USER[:GROUP],
 * mapall=USER[:GROUP], password=PASS, md5pass=HEX, mingoal=N, maxgoal=N, mintrashtime=T,
 * maxtrashtime=T (T as 3600, 1h, 2d12h, 1w), and the accepted no-ops dynamicip and ignoregid. A
 * mistake names the file, the line and the option.
 */
public final class ExportsFile {
    private ExportsFile() {
    }

    public static List<ExportRule> read(Path file) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, null, "cannot read: " + e.getMessage(), e);
        }
        return parse(file.toString(), lines, LocalIds.system());
    }

    /** Parses exports text that came from elsewhere (the cluster's, replicated); {@code source} names it in errors. */
    public static List<ExportRule> parse(String source, String text) throws ConfigException {
        return parse(source, text.lines().toList(), LocalIds.system());
    }

    static List<ExportRule> parse(String file, List<String> lines, LocalIds ids) throws ConfigException {
        List<ExportRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (!text.isEmpty()) {
                rules.add(parseLine(file, i + 1, text, ids));
            }
        }
        return rules;
    }

    private static ExportRule parseLine(String file, int no, String text, LocalIds ids) throws ConfigException {
        String[] words = text.split("\\s+");
        if (words.length < 2 || words.length > 3) {
            throw new ConfigException(file, no, null, "expected 'ADDRESS DIRECTORY [OPTIONS]', got '" + text + "'");
        }
        AddressRange addresses;
        try {
            addresses = AddressRange.parse(words[0]);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, no, "ADDRESS", e.getMessage());
        }
        String path = words[1];
        if (!path.equals(".") && !path.startsWith("/")) {
            throw new ConfigException(file, no, "DIRECTORY", "'" + path + "' is neither '/...' nor '.' (meta)");
        }
        path = normalise(path);
        RuleBuilder b = new RuleBuilder(no, addresses, path);
        if (words.length == 3) {
            for (String opt : words[2].split(",")) {
                try {
                    b.option(opt.trim(), ids);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(file, no, opt, e.getMessage());
                }
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, no, null, e.getMessage());
        }
    }

    /** "/a//b/" -> "/a/b"; "." stays. */
    public static String normalise(String path) {
        if (path.equals(".")) {
            return path;
        }
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                sb.append('/').append(part);
            }
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static final class RuleBuilder {
        private final int line;
        private final AddressRange addresses;
        private final String path;
        private boolean allDirs;
        private boolean readOnly;
        private Creds mapRoot;
        private Creds mapAll;
        private byte[] passwordMd5;
        private int minGoal = 1;
        private int maxGoal = 9;
        private long minTrash;
        private long maxTrash = Long.MAX_VALUE;

        RuleBuilder(int line, AddressRange addresses, String path) {
            this.line = line;
            this.addresses = addresses;
            this.path = path;
        }

        void option(String opt, LocalIds ids) {
            int eq = opt.indexOf('=');
            String name = (eq < 0 ? opt : opt.substring(0, eq)).toLowerCase(java.util.Locale.ROOT);
            String value = eq < 0 ? null : opt.substring(eq + 1);
            switch (name) {
                case "ro", "readonly" -> readOnly = true;
                case "rw", "readwrite" -> readOnly = false;
                case "alldirs" -> allDirs = true;
                case "dynamicip", "ignoregid" -> { }
                case "maproot" -> mapRoot = user(need(name, value), ids);
                case "mapall" -> mapAll = user(need(name, value), ids);
                case "password" -> passwordMd5 = PasswordProof.md5(need(name, value));
                case "md5pass" -> passwordMd5 = hex(need(name, value));
                case "mingoal" -> minGoal = goal(need(name, value));
                case "maxgoal" -> maxGoal = goal(need(name, value));
                case "mintrashtime" -> minTrash = TrashTime.parse(need(name, value));
                case "maxtrashtime" -> maxTrash = TrashTime.parse(need(name, value));
                default -> throw new IllegalArgumentException("unknown option '" + name + "'");
            }
        }

        ExportRule build() {
            if (minGoal > maxGoal) {
                throw new IllegalArgumentException("mingoal " + minGoal + " above maxgoal " + maxGoal);
            }
            if (minTrash > maxTrash) {
                throw new IllegalArgumentException("mintrashtime above maxtrashtime");
            }
            return new ExportRule(line, addresses, path, allDirs, readOnly, mapRoot, mapAll, passwordMd5, minGoal,
                    maxGoal, minTrash, maxTrash);
        }

        private static String need(String name, String value) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("option '" + name + "' needs a value");
            }
            return value;
        }

        private static Creds user(String spec, LocalIds ids) {
            int colon = spec.indexOf(':');
            String u = colon < 0 ? spec : spec.substring(0, colon);
            int[] uidGid = ids.user(u);
            if (uidGid == null) {
                throw new IllegalArgumentException("unknown user '" + u + "'");
            }
            int gid = uidGid[1];
            if (colon >= 0) {
                Integer g = ids.group(spec.substring(colon + 1));
                if (g == null) {
                    throw new IllegalArgumentException("unknown group '" + spec.substring(colon + 1) + "'");
                }
                gid = g;
            }
            if (gid < 0) {
                // a bare uid: its group is the same number, as MooseFS does
                gid = uidGid[0];
            }
            return new Creds(uidGid[0], gid, new int[0]);
        }

        private static int goal(String v) {
            int g;
            try {
                g = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("goal '" + v + "' is not a number");
            }
            if (g < 1 || g > 9) {
                throw new IllegalArgumentException("goal " + g + " outside 1..9");
            }
            return g;
        }

        private static byte[] hex(String v) {
            try {
                byte[] b = HexFormat.of().parseHex(v);
                if (b.length != 16) {
                    throw new IllegalArgumentException("md5pass needs 32 hex digits");
                }
                return b;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("md5pass needs 32 hex digits");
            }
        }
    }
}
