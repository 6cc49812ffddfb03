package org.mfsj.master.exports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** User and group names of this machine (/etc/passwd, /etc/group), for maproot=NAME and mapall=NAME. */
final class LocalIds {
    private final Map<String, int[]> users = new HashMap<>();
    private final Map<String, Integer> groups = new HashMap<>();

    LocalIds(Path passwd, Path group) {
        for (String[] f : fields(passwd)) {
            if (f.length >= 4) {
                users.put(f[0], new int[] {parse(f[2]), parse(f[3])});
            }
        }
        for (String[] f : fields(group)) {
            if (f.length >= 3) {
                groups.put(f[0], parse(f[2]));
            }
        }
    }

    static LocalIds system() {
        return new LocalIds(Path.of("/etc/passwd"), Path.of("/etc/group"));
    }

    /** uid and primary gid of a user name or number; null when unknown. */
    int[] user(String nameOrId) {
        if (nameOrId.chars().allMatch(Character::isDigit) && !nameOrId.isEmpty()) {
            int uid = Integer.parseInt(nameOrId);
            return new int[] {uid, -1};
        }
        return users.get(nameOrId);
    }

    /** gid of a group name or number; null when unknown. */
    Integer group(String nameOrId) {
        if (nameOrId.chars().allMatch(Character::isDigit) && !nameOrId.isEmpty()) {
            return Integer.parseInt(nameOrId);
        }
        return groups.get(nameOrId);
    }

    private static Iterable<String[]> fields(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).map(l -> l.split(":", -1))
                    .toList();
        } catch (IOException e) {
            return java.util.List.of();
        }
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
