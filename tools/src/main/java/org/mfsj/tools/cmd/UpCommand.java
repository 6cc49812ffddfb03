package org.mfsj.tools.cmd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.mfsj.tools.cluster.Doors;
import org.mfsj.tools.cluster.LocalCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mfs up [DIR]}: starts what is not running of the local cluster in DIR. */
@Command(name = "up", description = "Start a local cluster (master, 3 chunkservers, gateways and a mount where"
        + " available) on 127.0.0.1 with its data in DIR; on a running cluster, start only what is missing.")
public final class UpCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "var/local", description = "cluster folder (default ./var/local)")
    Path dir;

    @Option(names = "--timeout", defaultValue = "90", description = "seconds to wait for readiness")
    int timeoutSeconds;

    @Option(names = "--core-only", description = "start master and chunkservers only, no gateways or mount")
    boolean coreOnly;

    @Option(names = "--masters", defaultValue = "1", description = "voting masters (master HA) for a new cluster:"
            + " 1, or 3 (active, slave, shadow); an existing cluster keeps its number")
    int masters;

    @Override
    public Integer call() throws Exception {
        if (masters != 1 && masters != 3) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--masters " + masters + ": use 1 (no HA) or 3 (a majority survives one loss)");
        }
        new LocalCluster(dir, System.out, coreOnly ? List.of() : Doors.all(), true, masters)
                .up(Duration.ofSeconds(timeoutSeconds));
        return 0;
    }
}
