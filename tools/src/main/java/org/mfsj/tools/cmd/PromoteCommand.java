package org.mfsj.tools.cmd;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.mfsj.common.types.ServerAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mfs master promote HOST:PORT}: a planned switch-over to the named master. */
@Command(name = "promote", description = "Hand leadership to the master at HOST:PORT (its clients' address, as in"
        + " MFS_MASTERS, or its SYNC_THREAD_LISTEN_PORT address). The leader holds new requests, brings it up to"
        + " date and lets it win an election at once; writers pause briefly and go on. Fails, changing nothing,"
        + " if HOST:PORT is no voting master or is not up to date within --timeout.")
public final class PromoteCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "the master that should lead")
    String target;

    @Option(names = "--timeout", paramLabel = "SEC", defaultValue = "5",
            description = "how long the target may take to catch up (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Duration timeout = MasterHandOver.catchUpTimeout(timeoutSeconds);
        List<ServerAddress> masters = client.masters();
        ServerAddress leader = MasterHandOver.leaderOf(masters);
        ServerAddress wanted = ServerAddress.parseList(target, 9421).get(0);
        if (wanted.equals(leader)) {
            System.out.println("master " + leader + " leads already");
            return 0;
        }
        return MasterHandOver.run(masters, leader, wanted.toString(), timeout, System.out);
    }
}
