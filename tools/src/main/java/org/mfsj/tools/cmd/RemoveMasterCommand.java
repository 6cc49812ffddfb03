package org.mfsj.tools.cmd;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mfs master remove HOST:PORT}: a voter leaves the group (it may be down). */
@Command(name = "remove", description = "Stop counting the master whose SYNC_THREAD_LISTEN_PORT address is HOST:PORT"
        + " as a voter (it may be down). The leader logs the new voter set; this waits until it is committed. A"
        + " leader that removes itself steps down after that. Refused, changing nothing, while another change is"
        + " under way or if the masters left that answer would be no majority.")
public final class RemoveMasterCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "the voter's sync address")
    String master;

    @Override
    public Integer call() throws Exception {
        return MasterVoters.run(client.masters(), false, master, java.time.Duration.ZERO, System.out);
    }
}
