package org.mfsj.tools.cmd;

import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Creds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mfs settrashtime [-r] SECONDS PATH...}: how long deleted files stay in trash. */
@Command(name = "settrashtime", description = "Set how many seconds deleted files stay in trash (0 = no trash).")
public final class SetTrashTimeCommand extends SetOnPathsCommand {
    @Parameters(index = "0", description = "seconds, 0 or more")
    long seconds;

    @Override
    long value() {
        return seconds;
    }

    @Override
    long set(MfsClient c, Creds me, long inode) throws MfsException {
        return c.setTrashTime(me, inode, seconds, recursive);
    }
}
