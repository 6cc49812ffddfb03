package org.mfsj.tools.cmd;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mfsj.nfs.NfsMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mfs nfs -c mfsnfs.cfg}: runs the NFS gateway (v3 + MOUNT) in the foreground. */
@Command(name = "nfs", description = "Run the NFS gateway (foreground).")
public final class NfsCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, description = "mfsnfs.cfg (default: /etc/mfs/mfsnfs.cfg if it exists, else built-in defaults)",
            paramLabel = "FILE")
    Path config;

    @Override
    public Integer call() throws Exception {
        NfsMain.run(DaemonConfigFile.resolve(config, Path.of("/etc/mfs/mfsnfs.cfg")));
        return 0;
    }
}
