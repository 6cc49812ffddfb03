package org.mfsj.tools.cmd;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.TrashItem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mfs trash ls|restore|purge}: deleted files kept for their trash time. */
@Command(name = "trash", description = "List, restore or purge deleted files kept in trash.",
        subcommands = {TrashCommand.Ls.class, TrashCommand.Restore.class, TrashCommand.Purge.class})
public final class TrashCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** One line per file: inode, size, deletion time, original path. */
    @Command(name = "ls", description = "List the files in trash, oldest first.")
    static final class Ls implements Callable<Integer> {
        @Mixin
        ClientOptions client;

        @Override
        public Integer call() throws Exception {
            try (MfsClient c = client.connect()) {
                for (TrashItem t : c.listTrash()) {
                    Instant when = Instant.ofEpochSecond(0, t.deletedNanos());
                    System.out.printf("%d\t%d\t%s\t%s%n", t.inode(), t.length(), when, t.path());
                }
            }
            return 0;
        }
    }

    @Command(name = "restore", description = "Put files back at their old paths (missing directories are made).")
    static final class Restore implements Callable<Integer> {
        @Mixin
        ClientOptions client;

        @Parameters(arity = "1..*", paramLabel = "INODE")
        List<Long> inodes;

        @Override
        public Integer call() throws Exception {
            Creds me = ClientOptions.localUser();
            try (MfsClient c = client.connect()) {
                for (long inode : inodes) {
                    Attr a = c.restoreTrash(me, inode);
                    System.out.println(inode + ": restored (" + a.length() + " bytes)");
                }
            }
            return 0;
        }
    }

    @Command(name = "purge", description = "Free files in trash now: the given inodes, or all you may.")
    static final class Purge implements Callable<Integer> {
        @Mixin
        ClientOptions client;

        @Parameters(arity = "0..*", paramLabel = "INODE")
        List<Long> inodes;

        @Override
        public Integer call() throws Exception {
            Creds me = ClientOptions.localUser();
            try (MfsClient c = client.connect()) {
                long n = 0;
                for (long inode : inodes == null || inodes.isEmpty() ? List.of(0L) : inodes) {
                    n += c.purgeTrash(me, inode);
                }
                System.out.println(n + " files purged");
            }
            return 0;
        }
    }
}
