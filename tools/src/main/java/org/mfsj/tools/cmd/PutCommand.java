package org.mfsj.tools.cmd;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mfs put LOCAL|- PATH}: copies a local file (or stdin) into the cluster. */
@Command(name = "put", description = "Copy a local file (or - for stdin) to PATH in the cluster.")
public final class PutCommand implements Callable<Integer> {
    static final int BUFFER = 1 << 20;

    @Mixin
    ClientOptions client;

    @Option(names = {"-g", "--goal"}, description = "number of copies for the new file (default: inherited)")
    Integer goal;

    @Parameters(index = "0", description = "local file, or - for stdin")
    String local;

    @Parameters(index = "1", description = "path in the cluster")
    String path;

    @Override
    public Integer call() throws Exception {
        Creds me = ClientOptions.localUser();
        boolean stdin = local.equals("-");
        long size = stdin ? -1 : Files.size(Path.of(local));
        try (MfsClient c = client.connect();
             InputStream in = stdin ? System.in : Files.newInputStream(Path.of(local))) {
            Attr file = createOrTruncate(c, me, ClientOptions.normalize(path));
            if (goal != null) {
                c.setGoal(me, file.inode(), goal, false);
            }
            Progress progress = new Progress("put " + path, size);
            long done = 0;
            try (FileHandle h = c.open(me, file.inode(), true)) {
                byte[] buf = new byte[BUFFER];
                int n;
                while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                    h.write(done, buf, 0, n);
                    done += n;
                    progress.update(done);
                }
                // a copy tool's success means the data is on disk, as cp followed by sync would
                h.fsync();
            }
            progress.finish(done);
        }
        return 0;
    }

    static Attr createOrTruncate(MfsClient c, Creds me, String path) throws MfsException {
        Attr parent = ClientOptions.resolve(c, me, ClientOptions.parentOf(path));
        String name = ClientOptions.nameOf(path);
        try {
            return c.create(me, parent.inode(), name, 0644);
        } catch (MfsException e) {
            if (e.status() != Status.EEXIST) {
                throw e;
            }
            Attr existing = c.lookup(me, parent.inode(), name);
            if (existing.isDirectory()) {
                throw new MfsException(Status.EISDIR, path + " is a directory");
            }
            return c.setattr(me, existing.inode(), SetAttrRequest.truncate(0));
        }
    }
}
