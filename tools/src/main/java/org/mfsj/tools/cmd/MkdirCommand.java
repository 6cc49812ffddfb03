package org.mfsj.tools.cmd;

import java.util.List;
import java.util.concurrent.Callable;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mfs mkdir [-p] PATH...}. */
@Command(name = "mkdir", description = "Create directories.")
public final class MkdirCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = "-p", description = "create parents as needed; no error if it exists")
    boolean parents;

    @Option(names = "-m", defaultValue = "0755", description = "mode (octal, default 0755)")
    String mode;

    @Parameters(arity = "1..*")
    List<String> paths;

    @Override
    public Integer call() throws Exception {
        Creds me = ClientOptions.localUser();
        int m = Integer.parseInt(mode, 8);
        try (MfsClient c = client.connect()) {
            for (String path : paths) {
                if (parents) {
                    mkdirs(c, me, ClientOptions.normalize(path), m);
                } else {
                    Attr parent = ClientOptions.resolve(c, me, ClientOptions.parentOf(path));
                    try {
                        c.mkdir(me, parent.inode(), ClientOptions.nameOf(path), m);
                    } catch (MfsException e) {
                        throw new MfsException(e.status(), path + ": " + e.status().message(), e);
                    }
                }
            }
        }
        return 0;
    }

    static Attr mkdirs(MfsClient c, Creds me, String path, int mode) throws MfsException {
        Attr cur = c.getattr(c.rootInode());
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                cur = c.lookup(me, cur.inode(), part);
            } catch (MfsException e) {
                if (e.status() != Status.ENOENT) {
                    throw e;
                }
                cur = c.mkdir(me, cur.inode(), part, mode);
            }
            if (!cur.isDirectory()) {
                throw new MfsException(Status.ENOTDIR, path + ": '" + part + "' is not a directory");
            }
        }
        return cur;
    }
}
