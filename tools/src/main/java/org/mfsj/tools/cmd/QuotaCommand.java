package org.mfsj.tools.cmd;

import java.util.concurrent.Callable;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.QuotaInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mfs quota set|get|rm DIR}: limits on bytes and inodes below a directory. */
@Command(name = "quota", description = "Set, show or remove a directory's quota (bytes and inodes below it).",
        subcommands = {QuotaCommand.Set.class, QuotaCommand.Get.class, QuotaCommand.Rm.class})
public final class QuotaCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** A quota sub-command on one directory. */
    abstract static class OnDir implements Callable<Integer> {
        @Mixin
        ClientOptions client;
        @Parameters(index = "0", paramLabel = "DIR")
        String dir;

        abstract void act(MfsClient c, Creds me, long inode) throws MfsException;

        @Override
        public Integer call() throws Exception {
            Creds me = ClientOptions.localUser();
            try (MfsClient c = client.connect()) {
                act(c, me, ClientOptions.resolve(c, me, ClientOptions.normalize(dir)).inode());
            }
            return 0;
        }
    }

    @Command(name = "set", description = "Set limits (0 = none); writes past a hard limit fail with EDQUOT.")
    static final class Set extends OnDir {
        @Option(names = "--soft-bytes")
        long softBytes;
        @Option(names = "--hard-bytes")
        long hardBytes;
        @Option(names = "--soft-inodes")
        long softInodes;
        @Option(names = "--hard-inodes")
        long hardInodes;

        @Override
        void act(MfsClient c, Creds me, long inode) throws MfsException {
            c.setQuota(me, inode, softBytes, hardBytes, softInodes, hardInodes);
            print(dir, c.getQuota(inode));
        }
    }

    @Command(name = "get", description = "Show a directory's limits and usage.")
    static final class Get extends OnDir {
        @Override
        void act(MfsClient c, Creds me, long inode) throws MfsException {
            print(dir, c.getQuota(inode));
        }
    }

    @Command(name = "rm", description = "Remove a directory's quota.")
    static final class Rm extends OnDir {
        @Override
        void act(MfsClient c, Creds me, long inode) throws MfsException {
            c.setQuota(me, inode, 0, 0, 0, 0);
            System.out.println(dir + ": quota removed");
        }
    }

    static void print(String dir, QuotaInfo q) {
        System.out.printf("%s: bytes %d (soft %d, hard %d), inodes %d (soft %d, hard %d)%s%n", dir, q.usedBytes(),
                q.softBytes(), q.hardBytes(), q.usedInodes(), q.softInodes(), q.hardInodes(),
                q.overSoft() ? ", over the soft limit" : "");
    }
}
