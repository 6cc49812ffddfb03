package org.mfsj.chunkserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.chunk2master.CreateChunk;

class MalformedFrameTest {
    @TempDir
    Path root;
    TestCluster cluster;
    ChunkserverServer cs;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new TestCluster(root);
        cs = cluster.start("cs1");
        assertThat(cluster.master.order(cs.serverId(), m -> new CreateChunk(m, 0x42, 1))).isEqualTo(Status.OK);
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void aMalformedFrameClosesOnlyThatConnection() throws Exception {
        try (DataClient bystander = cluster.client(cs);
             Socket raw = new Socket("127.0.0.1", cs.dataPort())) {
            assertThat(bystander.init(0x42, 1, List.of())).isEqualTo(Status.OK);
            raw.setSoTimeout(20_000);
            DataOutputStream out = new DataOutputStream(raw.getOutputStream());
            out.writeInt(3001); // ReadBlocks ...
            out.writeInt(8);    // ... with a payload too short for its fields
            out.writeInt(1);
            out.writeInt(0x42);
            out.flush();

            InputStream in = raw.getInputStream();
            assertThat(in.read()).as("connection closed by the server").isEqualTo(-1);

            // the other connection, mid-session, is untouched
            assertThat(bystander.writePipelined(0x42, 0, TestBytes.random(31, 5000), 5000)).containsOnly(Status.OK);
            assertThat(bystander.end(0x42)).isEqualTo(Status.OK);
            assertThat(bystander.read(0x42, 1, 0, 5000).data()).isEqualTo(TestBytes.random(31, 5000));
        }
    }

    @Test
    void anUnknownMessageTypeClosesTheConnection() throws Exception {
        try (Socket raw = new Socket("127.0.0.1", cs.dataPort())) {
            raw.setSoTimeout(20_000);
            DataOutputStream out = new DataOutputStream(raw.getOutputStream());
            out.writeInt(2001); // a master message on the data port
            out.writeInt(4);
            out.writeInt(1);
            out.flush();
            assertThat(raw.getInputStream().read()).isEqualTo(-1);
        }
        try (DataClient after = cluster.client(cs)) {
            assertThat(after.read(0x42, 1, 0, 10).status()).isEqualTo(Status.OK);
        }
    }
}
