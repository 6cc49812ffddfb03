package org.mfsj.master.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.ReleaseMany;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.master.changelog.FileChangelog;
import org.mfsj.master.image.MetaStore;
import org.mfsj.master.meta.MetaState;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.net.RequestDispatcher;
import org.mfsj.master.session.Session;
import org.mfsj.master.session.SessionRegistry;

/**
 * A release batch of files held past their last name, against a crash that keeps only part of
 * what the master logged for it: the batch is either answered and done, or runs again.
 */
class ReleaseManyCrashTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"), ZoneOffset.UTC);
    private static final long REQUEST = 41;

    @TempDir
    Path dir;

    @Test
    void aBatchThatACrashKeptAnyOfIsAnsweredOnlyWithAllItsFilesReleased() throws Exception {
        long first;
        long second;
        long session;
        long beforeBatch;
        try (MetaStore store = MetaStore.open(dir, CLOCK, 1, 4096, Runnable::run, () -> {
            throw new AssertionError("changelog failed");
        })) {
            Namespace ns = store.state().namespace();
            SessionRegistry sessions = new SessionRegistry(Duration.ofHours(1));
            OpenCalls calls = new OpenCalls(ns, sessions, CLOCK, Duration.ZERO);
            Session s = sessions.open(0, "client", Namespace.ROOT, new InetSocketAddress("127.0.0.1", 5000),
                    CLOCK.instant());
            session = s.id();
            first = ns.mknod(Creds.ROOT, Namespace.ROOT, "a", FileType.FILE, 0644, 0).inode();
            second = ns.mknod(Creds.ROOT, Namespace.ROOT, "b", FileType.FILE, 0644, 0).inode();
            s.opened(first);
            s.opened(second);
            ns.unlink(Creds.ROOT, Namespace.ROOT, "a");
            ns.unlink(Creds.ROOT, Namespace.ROOT, "b");
            assertThat(ns.heldBy(session)).containsExactly(first, second);

            RequestDispatcher d = new RequestDispatcher(new RequestDispatcher.ConnectionHooks() {
                @Override
                public void onRequest(Peer from) {
                }

                @Override
                public void onClose(Peer peer) {
                }
            });
            calls.register(d);
            Peer client = new Peer((p, m) -> { });
            EmbeddedChannel channel = new EmbeddedChannel(client);
            client.attach(s);
            beforeBatch = store.state().version();
            store.journal().begin(session, REQUEST);
            d.dispatch(client, new ReleaseMany(7, List.of(first, second), REQUEST));
            store.journal().end();
            assertThat((Object) channel.readOutbound()).isInstanceOf(StatusReply.class);
            assertThat(ns.holdingSessions()).isEmpty();
            channel.finishAndReleaseAll();
            // the master dies with the batch's first record on disk and nothing after it
            ((FileChangelog) store.log()).truncateAfter(beforeBatch + 1);
        }
        MetaState recovered = MetaStore.recover(dir, CLOCK, 1, false);
        assertThat(recovered.replies().get(session, REQUEST)).as("the batch is answered after the crash").isNotNull();
        assertThat(recovered.namespace().heldBy(session)).as("so none of its files is held any more").isEmpty();
    }
}
