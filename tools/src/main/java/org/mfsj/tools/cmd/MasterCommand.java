package org.mfsj.tools.cmd;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mfsj.master.MasterMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mfs master -c mfsmaster.cfg}: runs the master in the foreground until SIGTERM; {@code mfs
 * master promote|demote} are planned switch-overs between masters, {@code mfs master add|remove}
 * change the voters (master HA).
 */
@Command(name = "master", description = "Run the metadata master (foreground); 'promote' and 'demote' hand"
        + " leadership over between replicated masters; 'add' and 'remove' change the voting masters by one.",
        subcommands = {PromoteCommand.class, DemoteCommand.class, AddMasterCommand.class, RemoveMasterCommand.class})
public final class MasterCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, description = "mfsmaster.cfg (default: /etc/mfs/mfsmaster.cfg if it exists, else built-in defaults)",
            paramLabel = "FILE")
    Path config;

    @Override
    public Integer call() throws Exception {
        MasterMain.run(DaemonConfigFile.resolve(config, Path.of("/etc/mfs/mfsmaster.cfg")));
        return 0;
    }
}
