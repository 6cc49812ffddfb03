package org.mfsj.tools.cmd;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mfs master add HOST:PORT}: a running master becomes a voter of the group. */
@Command(name = "add", description = "Make the master whose SYNC_THREAD_LISTEN_PORT address is HOST:PORT a voter."
        + " Start it first, with an empty data directory, MASTER_STATE = 0 and the group's masters named in its"
        + " config. The leader brings it up to date, then logs the new voter set; this waits until that is"
        + " committed. Refused, changing nothing, while another change is under way or if it does not catch up"
        + " within --timeout.")
public final class AddMasterCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "the new master's sync address")
    String master;

    @Option(names = "--timeout", paramLabel = "SEC", defaultValue = "60",
            description = "how long it may take to catch up (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        return MasterVoters.run(client.masters(), true, master, MasterHandOver.catchUpTimeout(timeoutSeconds),
                System.out);
    }
}
