package org.mfsj.tools.cmd;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.mfsj.client.DirPage;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.FileType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mfs ls PATH...}: long listing of directories (or the files named). */
@Command(name = "ls", description = "List directories in long form.")
public final class LsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Mixin
    ClientOptions client;

    @Parameters(arity = "0..*", defaultValue = "/", description = "paths (default /)")
    List<String> paths;

    @Override
    public Integer call() throws Exception {
        Creds me = ClientOptions.localUser();
        try (MfsClient c = client.connect()) {
            for (String path : paths) {
                Attr a = ClientOptions.resolve(c, me, ClientOptions.normalize(path));
                if (!a.isDirectory()) {
                    System.out.println(line(a, ClientOptions.normalize(path)));
                    continue;
                }
                if (paths.size() > 1) {
                    System.out.println(path + ":");
                }
                long cookie = 0;
                DirPage page;
                do {
                    page = c.readdir(me, a.inode(), cookie, 1000, true);
                    for (DirEntry e : page.entries()) {
                        System.out.println(line(e.attr(), e.name()));
                        cookie = e.cookie();
                    }
                } while (!page.eof());
            }
        }
        return 0;
    }

    static String line(Attr a, String name) {
        return String.format("%s%s %3d %5d %5d %12d %s %s", typeChar(a.type()), perms(a.mode()), a.nlink(), a.uid(),
                a.gid(), a.length(), TIME.format(Instant.ofEpochSecond(0, a.mtimeNanos())), name);
    }

    static char typeChar(FileType t) {
        return switch (t) {
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case FIFO -> 'p';
            case SOCKET -> 's';
            case BLOCK_DEVICE -> 'b';
            case CHAR_DEVICE -> 'c';
            case FILE -> '-';
        };
    }

    static String perms(int mode) {
        String rwx = "rwxrwxrwx";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            sb.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return sb.toString();
    }
}
