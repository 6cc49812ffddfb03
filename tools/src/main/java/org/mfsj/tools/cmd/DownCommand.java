package org.mfsj.tools.cmd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mfsj.tools.cluster.Doors;
import org.mfsj.tools.cluster.LocalCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code mfs down [DIR]}: stops every process of the local cluster in DIR and removes its mount,
 * going on past each failure; exits 1 when any step failed.
 */
@Command(name = "down", description = "Stop the local cluster in DIR (default ./var/local); data stays.")
public final class DownCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "var/local", description = "cluster folder")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir.resolve("run"))) {
            System.out.println("no cluster in " + dir.toAbsolutePath());
            return 0;
        }
        List<String> failures = new LocalCluster(dir, System.out, Doors.all()).down();
        if (!failures.isEmpty()) {
            System.err.println("mfs down: " + failures.size() + " step(s) failed (see above); every other process"
                    + " was stopped");
            return 1;
        }
        return 0;
    }
}
