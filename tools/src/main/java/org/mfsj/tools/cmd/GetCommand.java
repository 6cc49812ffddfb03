package org.mfsj.tools.cmd;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mfs get PATH LOCAL|-}: copies a file out of the cluster (to stdout with -). */
@Command(name = "get", description = "Copy PATH from the cluster to a local file (or - for stdout).")
public final class GetCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Parameters(index = "0", description = "path in the cluster")
    String path;

    @Parameters(index = "1", description = "local file, or - for stdout")
    String local;

    @Override
    public Integer call() throws Exception {
        Creds me = ClientOptions.localUser();
        boolean stdout = local.equals("-");
        try (MfsClient c = client.connect()) {
            Attr a = ClientOptions.resolve(c, me, ClientOptions.normalize(path));
            if (a.isDirectory()) {
                throw new MfsException(Status.EISDIR, path + " is a directory");
            }
            Progress progress = new Progress("get " + path, a.length());
            long done = 0;
            try (FileHandle h = c.open(me, a.inode(), false);
                 OutputStream out = stdout ? System.out : Files.newOutputStream(Path.of(local))) {
                byte[] buf = new byte[PutCommand.BUFFER];
                int n;
                while ((n = h.read(done, buf, 0, buf.length)) > 0) {
                    out.write(buf, 0, n);
                    done += n;
                    progress.update(done);
                }
                out.flush();
            }
            progress.finish(done);
        }
        return 0;
    }
}
