package org.mfsj.tools.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs real programs for the mount tests: as root, or as another user through setpriv. */
final class Sh {
    /** An unprivileged user that exists on Debian ("nobody"). */
    static final int NOBODY = 65534;

    record Result(int exit, String out) {
        Result ok() {
            if (exit != 0) {
                throw new AssertionError("exit " + exit + ":\n" + out);
            }
            return this;
        }
    }

    private Sh() {
    }

    /** Runs {@code script}, which must fail and say {@code message} (strerror of the errno expected). */
    static void fails(Path cwd, String script, String message) throws IOException, InterruptedException {
        Result r = bash(cwd, script);
        if (r.exit() == 0 || !r.out().contains(message)) {
            throw new AssertionError("expected '" + script + "' to fail with '" + message + "', got exit " + r.exit()
                    + ":\n" + r.out());
        }
    }

    static Result bash(Path cwd, String script) throws IOException, InterruptedException {
        return run(cwd, Duration.ofMinutes(5), List.of("bash", "-c", script));
    }

    /** {@code script} as uid/gid {@code id} with exactly {@code groups} as supplementary groups. */
    static Result bashAs(int id, int[] groups, Path cwd, String script) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid", Integer.toString(id), "--regid",
                Integer.toString(id)));
        if (groups.length == 0) {
            cmd.add("--clear-groups");
        } else {
            StringBuilder g = new StringBuilder();
            for (int x : groups) {
                g.append(g.length() == 0 ? "" : ",").append(x);
            }
            cmd.addAll(List.of("--groups", g.toString()));
        }
        cmd.addAll(List.of("bash", "-c", script));
        return run(cwd, Duration.ofMinutes(2), cmd);
    }

    static Result run(Path cwd, Duration timeout, List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("sh", ".out");
        try {
            Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                            "/dev/null"))).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s: " + cmd + "\n"
                        + Files.readString(out));
            }
            return new Result(p.exitValue(), Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
