package org.mfsj.tools.cmd;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.CountReply;
import org.mfsj.common.wire.client2master.SaveImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code mfs saveimage}: the master writes metadata.mfs now, in the background (it goes on
 * serving); prints the metadata version the image holds. An admin call, so it needs no session.
 */
@Command(name = "saveimage", description = "Make the master write a metadata image now.")
public final class SaveImageCommand implements Callable<Integer> {
    private static final long TIMEOUT_MS = 600_000;

    @Mixin
    ClientOptions client;

    @Override
    public Integer call() throws Exception {
        ServerAddress master = MasterRoles.leader(client.masters());
        EventLoopGroup group = Transport.newGroup(1);
        try {
            Peer p;
            try {
                p = WireClient.connect(group, master, ClientMasterProtocol.FAMILY, ClientMasterProtocol.FAMILY,
                        (peer, m) -> { }, 5000).get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new MfsException(Status.DISCONNECTED, "no master answers at " + master + ": "
                        + e.getCause().getMessage());
            }
            try {
                CountReply r = p.call(SaveImage::new, CountReply.class, TIMEOUT_MS)
                        .get(TIMEOUT_MS + 1000, TimeUnit.MILLISECONDS);
                MfsException.check(r.status(), "saveimage");
                System.out.println("image saved at metadata version " + r.count());
            } finally {
                p.close();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        return 0;
    }
}
