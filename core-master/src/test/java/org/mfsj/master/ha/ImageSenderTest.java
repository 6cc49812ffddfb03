package org.mfsj.master.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.master2follower.ImagePart;
import org.mfsj.common.wire.master2follower.ImageReply;
import org.mfsj.master.chunks.ChunkRecord;
import org.mfsj.master.fake.TestClock;
import org.mfsj.master.image.ImageWriter;
import org.mfsj.master.meta.LogEntry;
import org.mfsj.master.meta.MetaState;
import org.mfsj.master.meta.TermStart;

/** The leader's side of an image transfer over a real image file, with the follower's answers given by hand. */
class ImageSenderTest {
    @TempDir
    Path tmp;

    private static final long VERSION = 150_000;

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<ImagePart> sent = new ArrayList<>();
    private boolean needed = true;

    private ImageSender sender(Path image, long rate) {
        return new ImageSender(image, 9, "h:1", new ImageSender.Link() {
            @Override
            public void send(int peer, Message m) {
                assertThat(peer).isEqualTo(1);
                sent.add((ImagePart) m);
            }

            @Override
            public long term() {
                return 6;
            }

            @Override
            public String name(int peer) {
                return "peer" + peer;
            }
        }, p -> needed, clock, rate, () -> { });
    }

    /** An image of a few MiB: enough pieces for a window and a rate to show. */
    private Path image() throws Exception {
        MetaState s = MetaState.empty(Clock.systemUTC(), 1);
        s.apply(new LogEntry(1, 0, 0, new TermStart(6)));
        for (long v = 2; v <= VERSION; v++) {
            s.apply(new LogEntry(v, 0, 0, new ChunkRecord.Created(v, 1)));
        }
        return ImageWriter.write(s, tmp);
    }

    private static ImageReply held(long bytes) {
        return new ImageReply(0, 6, 3, VERSION, bytes, false);
    }

    @Test
    void asksFirstThenStreamsAWindowFromWhatTheFollowerHoldsAndAsksAgainAfterACut() throws Exception {
        Path file = image();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).isGreaterThan(6 * ImageSender.PART);
        try (ImageSender s = sender(file, 0)) {
            s.start(1);
            assertThat(sent).hasSize(1);
            ImagePart ask = sent.get(0);
            assertThat(ask.data()).isEmpty();
            assertThat(ask.term()).isEqualTo(6);
            assertThat(ask.imageVersion()).isEqualTo(VERSION);
            assertThat(ask.imageTerm()).as("the image's own term").isEqualTo(6);
            assertThat(ask.imageLength()).isEqualTo(bytes.length);

            s.answered(1, held(1000));
            assertThat(sent).hasSize(5).as("four pieces in flight, from the bytes held");
            ImagePart first = sent.get(1);
            assertThat(first.offset()).isEqualTo(1000);
            assertThat(first.data()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 1000 + ImageSender.PART));
            CRC32C c = new CRC32C();
            c.update(first.data());
            assertThat(first.crc()).isEqualTo((int) c.getValue());

            s.answered(1, held(1000 + ImageSender.PART));
            assertThat(sent).hasSize(6);
            s.reconnected(1);
            assertThat(sent.get(6).data()).as("after a cut it asks again").isEmpty();
            s.answered(1, held(1000 + ImageSender.PART));
            assertThat(sent.get(7).offset()).as("and goes on from what is held, not from 0")
                    .isEqualTo(1000 + ImageSender.PART);

            s.answered(1, new ImageReply(0, 6, 3, VERSION, bytes.length, true));
            int before = sent.size();
            s.pump();
            assertThat(sent).as("nothing after the follower holds it all").hasSize(before);
        }
    }

    @Test
    void keepsToTheRateAndStopsWhenTheFollowerNoLongerNeedsTheImage() throws Exception {
        Path file = image();
        long rate = 64 << 10;
        try (ImageSender s = sender(file, rate)) {
            s.start(1);
            s.answered(1, held(0));
            long bytes = 0;
            for (int i = 0; i < 20; i++) {
                clock.advance(Duration.ofMillis(100));
                s.pump();
                bytes = sent.stream().mapToLong(p -> p.data().length).sum();
                s.answered(1, held(bytes));
            }
            assertThat(bytes).as("2 s at 64 KiB/s, a quarter second of burst at most")
                    .isBetween(rate, rate * 2 + rate / 4);
            needed = false;
            s.pump();
            int before = sent.size();
            needed = true;
            clock.advance(Duration.ofSeconds(1));
            s.pump();
            assertThat(sent).as("the transfer was dropped").hasSize(before);
        }
    }
}
