package org.mfsj.tools.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The shell {@code KEY=value} file a local cluster writes so tools and scripts can find it. */
public final class ClusterEnv {
    public static final String FILE_NAME = "cluster.env";
    public static final String DIR_VARIABLE = "MFS_CLUSTER_DIR";
    public static final Path DEFAULT_DIR = Path.of("var", "local");

    private final Map<String, String> values;

    public ClusterEnv(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    public void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("# written by 'mfs up'; source it from a shell\n");
        values.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb.toString());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static ClusterEnv read(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String t = line.strip();
            int eq = t.indexOf('=');
            if (t.isEmpty() || t.startsWith("#") || eq <= 0) {
                continue;
            }
            m.put(t.substring(0, eq), t.substring(eq + 1));
        }
        return new ClusterEnv(m);
    }

    /** The env file of the cluster the user means: $MFS_CLUSTER_DIR, else ./var/local. */
    public static Optional<ClusterEnv> find() {
        String dir = System.getenv(DIR_VARIABLE);
        Path file = (dir != null && !dir.isBlank() ? Path.of(dir) : DEFAULT_DIR).resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
