package org.mfsj.tools;

import java.util.Set;
import org.mfsj.tools.cluster.ClassShareDump;
import org.mfsj.tools.cluster.StarterWatch;
import org.mfsj.tools.cmd.CheckFileCommand;
import org.mfsj.tools.cmd.ChunkserverCommand;
import org.mfsj.tools.cmd.DownCommand;
import org.mfsj.tools.cmd.FileInfoCommand;
import org.mfsj.tools.cmd.GetCommand;
import org.mfsj.tools.cmd.GetGoalCommand;
import org.mfsj.tools.cmd.LsCommand;
import org.mfsj.tools.cmd.MasterCommand;
import org.mfsj.tools.cmd.MetaDumpCommand;
import org.mfsj.tools.cmd.MetaRestoreCommand;
import org.mfsj.tools.cmd.MkdirCommand;
import org.mfsj.tools.cmd.MountCommand;
import org.mfsj.tools.cmd.MvCommand;
import org.mfsj.tools.cmd.NfsCommand;
import org.mfsj.tools.cmd.PutCommand;
import org.mfsj.tools.cmd.RmCommand;
import org.mfsj.tools.cmd.RoleCommand;
import org.mfsj.tools.cmd.S3Command;
import org.mfsj.tools.cmd.SaveImageCommand;
import org.mfsj.tools.cmd.SetGoalCommand;
import org.mfsj.tools.cmd.StatusCommand;
import org.mfsj.tools.cmd.UpCommand;
import org.mfsj.tools.cmd.SetTrashTimeCommand;
import org.mfsj.tools.cmd.GetTrashTimeCommand;
import org.mfsj.tools.cmd.TrashCommand;
import org.mfsj.tools.cmd.SnapshotCommand;
import org.mfsj.tools.cmd.QuotaCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point of the distribution jar: every daemon and tool is a sub-command. */
@Command(name = "mfs", mixinStandardHelpOptions = true, version = "MooseFS/J 0.1",
        description = "MooseFS/J: daemons, local cluster and file tools.",
        subcommands = {
            MasterCommand.class, ChunkserverCommand.class, NfsCommand.class, UpCommand.class, DownCommand.class,
            LsCommand.class, MkdirCommand.class, PutCommand.class, GetCommand.class, RmCommand.class,
            MvCommand.class, SetGoalCommand.class, GetGoalCommand.class, FileInfoCommand.class,
            CheckFileCommand.class, StatusCommand.class, SaveImageCommand.class, MetaRestoreCommand.class,
            MetaDumpCommand.class, SetTrashTimeCommand.class, GetTrashTimeCommand.class, TrashCommand.class,
            SnapshotCommand.class, QuotaCommand.class, S3Command.class, MountCommand.class, RoleCommand.class
        })
public final class MfsMain implements Runnable {
    private static final Set<String> DAEMONS = Set.of("master", "chunkserver", "s3", "nfs", "mount");

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        // tools keep stdout for their output (mfs get f - writes data there); daemons log to stdout
        boolean tool = args.length > 1 && args[0].equals("master") && Set.of("promote", "demote", "add", "remove").contains(args[1]);
        if (args.length == 0 || !DAEMONS.contains(args[0]) || tool) {
            System.setProperty("mfs.log.target", "System.err");
            System.setProperty("mfs.log.level", "WARN");
        } else {
            StarterWatch.followStarter();
            ClassShareDump.atExitIfAsked();
        }
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new MfsMain())
                .setExecutionExceptionHandler(new ErrorReporter())
                .execute(args);
    }
}
