package org.mfsj.tools.cmd;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mfsj.chunkserver.ChunkserverMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mfs chunkserver -c mfschunkserver.cfg}: runs a chunkserver in the foreground. */
@Command(name = "chunkserver", description = "Run a chunkserver (foreground).")
public final class ChunkserverCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, description = "mfschunkserver.cfg (default: /etc/mfs/mfschunkserver.cfg if it exists, else built-in defaults)",
            paramLabel = "FILE")
    Path config;

    @Override
    public Integer call() throws Exception {
        ChunkserverMain.run(DaemonConfigFile.resolve(config, Path.of("/etc/mfs/mfschunkserver.cfg")));
        return 0;
    }
}
