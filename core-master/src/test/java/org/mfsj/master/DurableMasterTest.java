package org.mfsj.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.common.types.Creds.ROOT;

import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.config.ConfigLoader;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.FileType;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.client2master.CountReply;
import org.mfsj.common.wire.client2master.EntryReply;
import org.mfsj.common.wire.client2master.Lookup;
import org.mfsj.common.wire.client2master.Mkdir;
import org.mfsj.common.wire.client2master.Mknod;
import org.mfsj.common.wire.client2master.RegisterSession;
import org.mfsj.common.wire.client2master.RegisterSessionReply;
import org.mfsj.common.wire.client2master.Rename;
import org.mfsj.common.wire.client2master.SaveImage;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.common.wire.client2master.Unlink;
import org.mfsj.master.fake.TestClient;

/** A real master on a data directory: what it answered survives a restart, and so do retries. */
class DurableMasterTest {
    private final EventLoopGroup group = Transport.newGroup(2);

    @TempDir
    Path data;

    private MasterServer master;
    private TestClient client;

    private void start() throws Exception {
        MasterConfig cfg = MasterConfig.from(ConfigLoader.defaults(MasterConfig.SCHEMA)
                .with(MasterConfig.DATA_PATH, data)
                .with(MasterConfig.MATOCS_LISTEN_HOST, "127.0.0.1").with(MasterConfig.MATOCS_LISTEN_PORT, 0)
                .with(MasterConfig.MATOCL_LISTEN_HOST, "127.0.0.1").with(MasterConfig.MATOCL_LISTEN_PORT, 0));
        master = MasterServer.start(cfg, Clock.systemUTC());
        client = TestClient.connect(group, master.clientPort());
    }

    private void restart() throws Exception {
        client.close();
        master.close();
        start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (master != null) {
            master.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private long session(long resume) throws Exception {
        RegisterSessionReply r = client.call(id -> new RegisterSession(id, resume, "test", "/"),
                RegisterSessionReply.class);
        assertThat(r.status()).isEqualTo(Status.OK);
        return r.sessionId();
    }

    private EntryReply mkdir(String name, long reqId) throws Exception {
        return client.call(id -> new Mkdir(id, ROOT, 1, name, 0755, reqId), EntryReply.class);
    }

    @Test
    void answeredChangesAndTheirAnswersSurviveARestart() throws Exception {
        start();
        long session = session(0);
        EntryReply first = mkdir("d", 41);
        assertThat(first.status()).isEqualTo(Status.OK);
        // the same call again (a retry after a lost reply): its first answer, not EEXIST
        assertThat(mkdir("d", 41)).extracting(EntryReply::status, EntryReply::attr).containsExactly(Status.OK, first.attr());
        assertThat(mkdir("d", 42).status()).isEqualTo(Status.EEXIST);
        EntryReply file = client.call(id -> new Mknod(id, ROOT, first.attr().inode(), "f", FileType.FILE, 0644, 0, 43),
                EntryReply.class);
        assertThat(client.call(id -> new Rename(id, ROOT, first.attr().inode(), "f", 1, "g", 44), StatusReply.class)
                .status()).isEqualTo(Status.OK);

        restart();
        assertThat(session(session)).isEqualTo(session);
        assertThat(mkdir("d", 41)).extracting(EntryReply::status, EntryReply::attr).containsExactly(Status.OK, first.attr());
        EntryReply g = client.call(id -> new Lookup(id, ROOT, 1, "g"), EntryReply.class);
        assertThat(g.attr().inode()).isEqualTo(file.attr().inode());
        assertThat(client.call(id -> new Rename(id, ROOT, first.attr().inode(), "f", 1, "g", 44), StatusReply.class)
                .status()).isEqualTo(Status.OK);
        assertThat(client.call(id -> new Unlink(id, ROOT, 1, "g", 45), StatusReply.class).status())
                .isEqualTo(Status.OK);
        // a new session never reuses the number of one the log knows
        TestClient other = TestClient.connect(group, master.clientPort());
        try {
            RegisterSessionReply r = other.call(id -> new RegisterSession(id, 0, "other", "/"),
                    RegisterSessionReply.class);
            assertThat(r.sessionId()).isGreaterThan(session);
        } finally {
            other.close();
        }
    }

    @Test
    void anImageOnRequestAndARestartFromIt() throws Exception {
        start();
        session(0);
        for (int i = 0; i < 20; i++) {
            assertThat(mkdir("d" + i, 100 + i).status()).isEqualTo(Status.OK);
        }
        CountReply saved = client.call(SaveImage::new, CountReply.class);
        assertThat(saved.status()).isEqualTo(Status.OK);
        assertThat(saved.count()).isGreaterThanOrEqualTo(20);
        assertThat(mkdir("after", 200).status()).isEqualTo(Status.OK);
        restart();
        for (String name : new String[] {"d0", "d19", "after"}) {
            assertThat(client.call(id -> new Lookup(id, ROOT, 1, name), EntryReply.class).status())
                    .isEqualTo(Status.OK);
        }
    }
}
