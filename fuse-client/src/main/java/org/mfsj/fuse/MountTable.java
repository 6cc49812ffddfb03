package org.mfsj.fuse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** What /proc/mounts says about a mount point. */
public final class MountTable {
    private static final Path MOUNTS = Path.of("/proc/mounts");
    private static final Path MOUNT_INFO = Path.of("/proc/self/mountinfo");
    private static final long UNMOUNT_WAIT_SECONDS = 20;

    private MountTable() {
    }

    public static boolean isMounted(Path mountpoint) {
        String want = mountpoint.toAbsolutePath().normalize().toString();
        try {
            for (String line : Files.readAllLines(MOUNTS)) {
                String[] f = line.split(" ");
                if (f.length > 2 && unescape(f[1]).equals(want)) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /**
     * The device of the file system mounted at {@code mountpoint}, as /proc/self/mountinfo writes it
     * ("major:minor", also the name of its entry in /sys/class/bdi), or null when it is not mounted.
     */
    public static String device(Path mountpoint) {
        String want = mountpoint.toAbsolutePath().normalize().toString();
        try {
            String found = null;
            for (String line : Files.readAllLines(MOUNT_INFO)) {
                // mount id, parent id, major:minor, root, mount point, ...: the last mount there wins
                String[] f = line.split(" ");
                if (f.length > 4 && unescape(f[4]).equals(want)) {
                    found = f[2];
                }
            }
            return found;
        } catch (IOException e) {
            return null;
        }
    }

    /** A mount whose server is gone: listed, but stat answers "transport endpoint is not connected". */
    public static boolean isStale(Path mountpoint) {
        if (!isMounted(mountpoint)) {
            return false;
        }
        try {
            Files.readAttributes(mountpoint, BasicFileAttributes.class);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** {@code fusermount -u [-z] MOUNTPOINT}; true when it exited 0 within 20 s. */
    public static boolean fusermountU(Path mountpoint, boolean lazy) {
        List<String> cmd = lazy ? List.of("fusermount", "-u", "-z", mountpoint.toString())
                : List.of("fusermount", "-u", mountpoint.toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // a mount whose daemon is stopped (SIGSTOP) can hold a plain unmount: give up, the caller goes lazy
            if (!p.waitFor(UNMOUNT_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** /proc/mounts writes space, tab, newline and backslash as octal escapes. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
