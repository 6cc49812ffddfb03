package org.mfsj.tools.cmd;

import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import picocli.CommandLine.Command;

/** {@code mfs gettrashtime PATH...}. */
@Command(name = "gettrashtime", description = "Show how many seconds deleted files stay in trash.")
public final class GetTrashTimeCommand extends EachPathCommand {
    @Override
    void each(MfsClient c, Creds me, String path, Attr attr) throws MfsException {
        System.out.println(path + ": " + c.getTrashTime(attr.inode()));
    }
}
