package org.mfsj.tools.cmd;

import java.util.concurrent.Callable;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mfs mv SRC DST}: rename; into DST when DST is a directory. */
@Command(name = "mv", description = "Move or rename SRC to DST (into DST if it is a directory).")
public final class MvCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Parameters(index = "0")
    String src;

    @Parameters(index = "1")
    String dst;

    @Override
    public Integer call() throws Exception {
        Creds me = ClientOptions.localUser();
        try (MfsClient c = client.connect()) {
            Attr srcParent = ClientOptions.resolve(c, me, ClientOptions.parentOf(src));
            String dstPath = ClientOptions.destination(c, me, src, dst);
            Attr dstParent = ClientOptions.resolve(c, me, ClientOptions.parentOf(dstPath));
            c.rename(me, srcParent.inode(), ClientOptions.nameOf(src), dstParent.inode(), ClientOptions.nameOf(dstPath));
        }
        return 0;
    }
}
