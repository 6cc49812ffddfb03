package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.StatusReply;

class WireServerTest {
    @Test
    void closingTheServerEndsItsConnections() throws Exception {
        EventLoopGroup group = Transport.newGroup(1);
        try {
            WireServer server = WireServer.bind(group, "127.0.0.1", 0, ClientMasterProtocol.FAMILY,
                    ClientMasterProtocol.FAMILY, () -> (peer, m) -> peer.send(new StatusReply(m.msgId(), Status.OK)));
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.setSoTimeout(10_000);
                // one round trip proves the connection was accepted before the server closes
                new DataOutputStream(s.getOutputStream()).write(new byte[] {0, 0, 4, 1, 0, 0, 0, 4, 0, 0, 0, 7});
                InputStream in = s.getInputStream();
                assertThat(in.readNBytes(14)).hasSize(14);
                server.close();
                assertThat(in.read()).isEqualTo(-1);
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
