package org.mfsj.tools.cmd;

import java.util.concurrent.Callable;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mfs snapshot SRC DST}: a copy in metadata only; chunks are shared until written. */
@Command(name = "snapshot", description = "Copy a file or tree in metadata only (chunks shared until written).")
public final class SnapshotCommand implements Callable<Integer> {
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
            Attr source = ClientOptions.resolve(c, me, ClientOptions.normalize(src));
            String dstPath = ClientOptions.destination(c, me, src, dst);
            Attr dstParent = ClientOptions.resolve(c, me, ClientOptions.parentOf(dstPath));
            long made = c.snapshot(me, source.inode(), dstParent.inode(), ClientOptions.nameOf(dstPath));
            System.out.println(src + " -> " + dstPath + " (" + made + " inodes)");
        }
        return 0;
    }
}
