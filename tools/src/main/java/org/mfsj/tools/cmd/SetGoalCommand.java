package org.mfsj.tools.cmd;

import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Creds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mfs setgoal [-r] N PATH...}: how many copies each chunk should have. */
@Command(name = "setgoal", description = "Set the number of copies (goal) of files and directories.")
public final class SetGoalCommand extends SetOnPathsCommand {
    @Parameters(index = "0", description = "goal, 1 to 9")
    int goal;

    @Override
    long value() {
        return goal;
    }

    @Override
    long set(MfsClient c, Creds me, long inode) throws MfsException {
        return c.setGoal(me, inode, goal, recursive);
    }
}
