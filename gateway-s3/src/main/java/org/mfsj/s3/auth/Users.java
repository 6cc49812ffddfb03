package org.mfsj.s3.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mfsj.common.config.ConfigException;

/**
 * The users file: one user per line, {@code ACCESS_KEY SECRET_KEY UID GID}, blanks between,
 * {@code #} comments on their own lines. A missing file means no users: every request is refused.
 */
public final class Users {
    private final Map<String, S3User> byKey;

    private Users(Map<String, S3User> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    public static Users of(S3User... users) {
        Map<String, S3User> m = new HashMap<>();
        for (S3User u : users) {
            m.put(u.accessKey(), u);
        }
        return new Users(m);
    }

    public static Users load(Path file) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Users(Map.of());
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, null, "cannot read: " + e.getMessage(), e);
        }
        return parse(file.toString(), lines);
    }

    public static Users parse(String displayName, List<String> lines) throws ConfigException {
        Map<String, S3User> m = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] f = text.split("\\s+");
            if (f.length != 4) {
                throw new ConfigException(displayName, i + 1, null,
                        "expected ACCESS_KEY SECRET_KEY UID GID, got " + f.length + " fields");
            }
            S3User u = new S3User(f[0], f[1], id(displayName, i + 1, f[0], f[2]), id(displayName, i + 1, f[0], f[3]));
            if (m.putIfAbsent(u.accessKey(), u) != null) {
                throw new ConfigException(displayName, i + 1, f[0], "access key '" + f[0] + "' listed twice");
            }
        }
        return new Users(m);
    }

    public Optional<S3User> find(String accessKey) {
        return Optional.ofNullable(byKey.get(accessKey));
    }

    public int size() {
        return byKey.size();
    }

    private static int id(String file, int line, String key, String text) throws ConfigException {
        try {
            long v = Long.parseLong(text);
            if (v < 0 || v > 0xFFFF_FFFEL) {
                throw new NumberFormatException();
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new ConfigException(file, line, key, "bad uid/gid '" + text + "' (expected 0 to 4294967294)");
        }
    }
}
