package org.mfsj.tools.cmd;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mfsj.s3.S3Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mfs s3 -c mfss3.cfg}: runs the S3 gateway in the foreground until SIGTERM. */
@Command(name = "s3", description = "Run the S3 gateway (foreground).")
public final class S3Command implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, description = "mfss3.cfg (default: /etc/mfs/mfss3.cfg if it exists, else built-in defaults)",
            paramLabel = "FILE")
    Path config;

    @Override
    public Integer call() throws Exception {
        S3Main.run(DaemonConfigFile.resolve(config, Path.of("/etc/mfs/mfss3.cfg")));
        return 0;
    }
}
