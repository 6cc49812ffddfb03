package org.mfsj.tools.cmd;

import org.mfsj.client.MfsClient;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import picocli.CommandLine.Command;

/** {@code mfs getgoal PATH...}. */
@Command(name = "getgoal", description = "Show the goal (number of copies) of files and directories.")
public final class GetGoalCommand extends EachPathCommand {
    @Override
    void each(MfsClient c, Creds me, String path, Attr attr) {
        System.out.println(path + ": " + attr.goal());
    }
}
