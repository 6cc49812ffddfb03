package org.mfsj.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.client2master.RegisterSession;
import org.mfsj.common.wire.client2master.RegisterSessionReply;
import org.mfsj.master.fake.LoopbackMaster;
import org.mfsj.master.fake.TestClient;
import org.mfsj.master.fake.TestClock;

/**
 * Session ids across a master restart: a client that changed nothing keeps its id to itself. The
 * master also has an exports file, whose first push into the changelog races the new file
 * system's first change unless both run on the master thread: the restart replays them.
 */
class SessionIdsTest {
    private final EventLoopGroup group = Transport.newGroup(1);
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path data;

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private long register(MasterServer master, long resume) throws Exception {
        try (TestClient c = TestClient.connect(group, master.clientPort())) {
            RegisterSessionReply r = c.call(id -> new RegisterSession(id, resume, "ids test", "/"),
                    RegisterSessionReply.class);
            assertThat(r.status()).isEqualTo(Status.OK);
            return r.sessionId();
        }
    }

    /** A master on {@code data/data} whose exports file, {@link #exports}, admits everyone. */
    private MasterConfig configWithExports() throws Exception {
        java.nio.file.Files.createDirectories(data.resolve("data"));
        java.nio.file.Files.writeString(exports(), "* / rw\n");
        return MasterConfig.from(LoopbackMaster.config(data.resolve("data"))
                .with(MasterConfig.EXPORTS_FILENAME, exports().toString()));
    }

    private java.nio.file.Path exports() {
        return data.resolve("mfsexports.cfg");
    }

    @Test
    void aNewSessionAfterARestartNeverTakesTheIdOfOneThatLoggedNothing() throws Exception {
        MasterConfig cfg = configWithExports();
        long quiet;
        try (MasterServer master = MasterServer.start(cfg, clock)) {
            quiet = register(master, 0);
        }
        try (MasterServer master = MasterServer.start(cfg, clock)) {
            long newcomer = register(master, 0);
            assertThat(newcomer).isNotEqualTo(quiet);
            assertThat(register(master, quiet)).as("the quiet client resumes its own id").isEqualTo(quiet);
            assertThat(register(master, 0)).isNotIn(quiet, newcomer);
            assertThat(master.metadata().state().exports()).isNotNull();
        }
    }

    @Test
    void aReloadOfABrokenExportsFileChangesNothingAndAGoodOneIsTaken() throws Exception {
        MasterConfig cfg = configWithExports();
        try (MasterServer master = MasterServer.start(cfg, clock)) {
            register(master, 0);
            org.mfsj.master.meta.ExportsSet before = awaitExports(master, "* / rw\n");
            java.nio.file.Files.writeString(exports(), "* / rw,nosuchoption\n");
            master.reloadExports();
            // the reload runs on the master thread: a registration after it has seen it through
            register(master, 0);
            assertThat(onMasterThread(master)).as("a broken file is refused").isSameAs(before);
            java.nio.file.Files.writeString(exports(), "127.0.0.1 / rw\n");
            master.reloadExports();
            register(master, 0);
            assertThat(awaitExports(master, "127.0.0.1 / rw\n").text()).isEqualTo("127.0.0.1 / rw\n");
        }
    }

    private static org.mfsj.master.meta.ExportsSet onMasterThread(MasterServer master) throws Exception {
        java.util.concurrent.CompletableFuture<org.mfsj.master.meta.ExportsSet> f =
                new java.util.concurrent.CompletableFuture<>();
        master.onMasterThread(() -> f.complete(master.metadata().state().exports()));
        return f.get(10, TimeUnit.SECONDS);
    }

    private static org.mfsj.master.meta.ExportsSet awaitExports(MasterServer master, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        org.mfsj.master.meta.ExportsSet e = onMasterThread(master);
        while ((e == null || !e.text().equals(text)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            e = onMasterThread(master);
        }
        assertThat(e).isNotNull();
        return e;
    }
}
