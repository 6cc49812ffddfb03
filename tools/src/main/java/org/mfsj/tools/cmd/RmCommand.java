package org.mfsj.tools.cmd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mfsj.client.DirPage;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.FileType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mfs rm [-r] PATH...}. */
@Command(name = "rm", description = "Remove files (and directories with -r).")
public final class RmCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = {"-r", "-R", "--recursive"}, description = "remove directories and their contents")
    boolean recursive;

    @Parameters(arity = "1..*")
    List<String> paths;

    @Override
    public Integer call() throws Exception {
        Creds me = ClientOptions.localUser();
        try (MfsClient c = client.connect()) {
            for (String path : paths) {
                Attr parent = ClientOptions.resolve(c, me, ClientOptions.parentOf(path));
                String name = ClientOptions.nameOf(path);
                Attr target = ClientOptions.resolve(c, me, ClientOptions.normalize(path));
                if (target.isDirectory() && !recursive) {
                    throw new MfsException(Status.EISDIR, path + ": is a directory (use -r)");
                }
                try {
                    remove(c, me, parent.inode(), name, target.type());
                } catch (MfsException e) {
                    throw new MfsException(e.status(), path + ": " + e.getMessage(), e);
                }
            }
        }
        return 0;
    }

    private void remove(MfsClient c, Creds me, long parent, String name, FileType type) throws MfsException {
        if (type != FileType.DIRECTORY) {
            c.unlink(me, parent, name);
            return;
        }
        if (recursive) {
            long dir = c.lookup(me, parent, name).inode();
            for (DirEntry e : listAll(c, me, dir)) {
                remove(c, me, dir, e.name(), e.type());
            }
        }
        c.rmdir(me, parent, name);
    }

    static List<DirEntry> listAll(MfsClient c, Creds me, long dir) throws MfsException {
        List<DirEntry> all = new ArrayList<>();
        long cookie = 0;
        DirPage page;
        do {
            page = c.readdir(me, dir, cookie, 1000, false);
            all.addAll(page.entries());
            if (!page.entries().isEmpty()) {
                cookie = page.entries().get(page.entries().size() - 1).cookie();
            }
        } while (!page.eof());
        return all;
    }
}
