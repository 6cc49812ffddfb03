package org.mfsj.master.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.mfsj.master.meta.MetaChecker;
import org.mfsj.master.meta.MetaState;

/** What image tests share: a store whose changelog must not fail, dumps, and the log-then-image round trip. */
final class ImageRoundTrip {
    private ImageRoundTrip() {
    }

    /** A store with goal 2 and a small segment, applying on the caller's thread. */
    static MetaStore open(Path dir, Clock clock) throws Exception {
        return MetaStore.open(dir, clock, 2, 4096, Runnable::run, () -> {
            throw new AssertionError("changelog failed");
        });
    }

    static String dump(MetaState s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        MetaDump.print(s, new PrintStream(b, true, StandardCharsets.UTF_8));
        return b.toString(StandardCharsets.UTF_8);
    }

    /**
     * Rebuilds the state from the changelog, writes its image and loads that: both must dump as
     * {@code live} and be consistent. The loaded state.
     */
    static MetaState replayAndReload(Path dir, Clock clock, String live) throws Exception {
        MetaState replayed = MetaStore.recover(dir, clock, 2, false);
        assertThat(dump(replayed)).isEqualTo(live);
        ImageWriter.write(replayed, dir);
        MetaState loaded = ImageReader.load(dir.resolve(ImageFormat.NAME), clock);
        assertThat(dump(loaded)).isEqualTo(live);
        assertThat(MetaChecker.check(loaded)).isEmpty();
        return loaded;
    }
}
