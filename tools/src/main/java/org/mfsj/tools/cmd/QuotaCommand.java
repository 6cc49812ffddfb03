package org.mfsj.tools.cmd;

import java.util.concurrent.Callable;
import org.mfsj.client.MfsClient;
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

    @Command(name = "set", description = "Set limits (0 = none); writes past a hard limit fail with EDQUOT.")
    static final class Set implements Callable<Integer> {
        @Mixin
        ClientOptions client;
        @Option(names = "--soft-bytes")
        long softBytes;
        @Option(names = "--hard-bytes")
        long hardBytes;
        @Option(names = "--soft-inodes")
        long softInodes;
        @Option(names = "--hard-inodes")
        long hardInodes;
        @Parameters(index = "0", paramLabel = "DIR")
        String dir;

        @Override
        public Integer call() throws Exception {
            Creds me = ClientOptions.localUser();
            try (MfsClient c = client.connect()) {
                long inode = ClientOptions.resolve(c, me, ClientOptions.normalize(dir)).inode();
                c.setQuota(me, inode, softBytes, hardBytes, softInodes, hardInodes);
                print(dir, c.getQuota(inode));
            }
            return 0;
        }
    }

    @Command(name = "get", description = "Show a directory's limits and usage.")
    static final class Get implements Callable<Integer> {
        @Mixin
        ClientOptions client;
        @Parameters(index = "0", paramLabel = "DIR")
        String dir;

        @Override
        public Integer call() throws Exception {
            Creds me = ClientOptions.localUser();
            try (MfsClient c = client.connect()) {
                print(dir, c.getQuota(ClientOptions.resolve(c, me, ClientOptions.normalize(dir)).inode()));
            }
            return 0;
        }
    }

    @Command(name = "rm", description = "Remove a directory's quota.")
    static final class Rm implements Callable<Integer> {
        @Mixin
        ClientOptions client;
        @Parameters(index = "0", paramLabel = "DIR")
        String dir;

        @Override
        public Integer call() throws Exception {
            Creds me = ClientOptions.localUser();
            try (MfsClient c = client.connect()) {
                c.setQuota(me, ClientOptions.resolve(c, me, ClientOptions.normalize(dir)).inode(), 0, 0, 0, 0);
                System.out.println(dir + ": quota removed");
            }
            return 0;
        }
    }

    static void print(String dir, QuotaInfo q) {
        System.out.printf("%s: bytes %d (soft %d, hard %d), inodes %d (soft %d, hard %d)%s%n", dir, q.usedBytes(),
                q.softBytes(), q.hardBytes(), q.usedInodes(), q.softInodes(), q.hardInodes(),
                q.overSoft() ? ", over the soft limit" : "");
    }
}
