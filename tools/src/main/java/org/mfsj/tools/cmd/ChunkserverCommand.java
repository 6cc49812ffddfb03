package org.mfsj.tools.cmd;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mfsj.chunkserver.ChunkserverMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mfs chunkserver -c mfschunkserver.cfg}: runs a chunkserver in the foreground. */
@Command(name = "chunkserver", description = "Run a chunkserver (foreground).")
public final class ChunkserverCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, description = "mfschunkserver.cfg (default: built-in defaults)",
            defaultValue = "/etc/mfs/mfschunkserver.cfg")
    Path config;

    @Override
    public Integer call() throws Exception {
        ChunkserverMain.run(config);
        return 0;
    }
}
