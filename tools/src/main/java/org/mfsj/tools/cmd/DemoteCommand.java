package org.mfsj.tools.cmd;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mfs master demote [HOST:PORT]}: the leader hands over to the most up-to-date follower. */
@Command(name = "demote", description = "Make the leader (or HOST:PORT, which must be the leader) hand leadership"
        + " to the most up-to-date follower, e.g. before maintenance on it. Writers pause briefly and go on.")
public final class DemoteCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Parameters(index = "0", arity = "0..1", paramLabel = "HOST:PORT", description = "the leader (default: whichever"
            + " master of the list leads)")
    String which;

    @Option(names = "--timeout", paramLabel = "SEC", defaultValue = "5",
            description = "how long the follower may take to catch up (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Duration timeout = MasterHandOver.catchUpTimeout(timeoutSeconds);
        List<ServerAddress> masters = client.masters();
        ServerAddress leader = MasterHandOver.leaderOf(masters);
        if (which != null && !ServerAddress.parseList(which, 9421).get(0).equals(leader)) {
            throw new MfsException(Status.NOT_LEADER, which + " does not lead (" + leader + " does): only the leader"
                    + " can be demoted");
        }
        return MasterHandOver.run(masters, leader, "", timeout, System.out);
    }
}
