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

    @Override
    public Integer call() throws Exception {
        new LocalCluster(dir, System.out, coreOnly ? List.of() : Doors.all()).up(Duration.ofSeconds(timeoutSeconds));
        return 0;
    }
}
