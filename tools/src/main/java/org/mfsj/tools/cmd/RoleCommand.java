package org.mfsj.tools.cmd;

import java.util.List;
import java.util.concurrent.Callable;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.client2master.MasterRoleReply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mfs role}: each master's role, term, version and lag (master HA). Asked about one master
 * ({@code -H host:port}), the exit status says whether it leads: what keepalived's check runs.
 */
@Command(name = "role", description = "Show whether each master leads (role, term, version, lag). With one master"
        + " (-H host:port): exit 0 if it leads, 1 if it follows, 2 if it does not answer.")
public final class RoleCommand implements Callable<Integer> {
    static final int FOLLOWS = 1;
    static final int DOWN = 2;

    @Mixin
    ClientOptions client;

    @Option(names = {"-q", "--quiet"}, description = "print nothing; only the exit status")
    boolean quiet;

    @Override
    public Integer call() {
        List<ServerAddress> masters = client.masters();
        if (!quiet) {
            MasterRoles.print(masters, System.out);
        }
        if (masters.size() != 1) {
            return 0;
        }
        MasterRoleReply r = MasterRoles.ask(masters).get(0);
        if (r == null) {
            return DOWN;
        }
        return r.role().equals("leader") || r.role().equals("single") ? 0 : FOLLOWS;
    }
}
