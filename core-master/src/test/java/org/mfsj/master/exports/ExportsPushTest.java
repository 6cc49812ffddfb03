package org.mfsj.master.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.master.image.ImageReader;
import org.mfsj.master.image.ImageWriter;
import org.mfsj.master.image.MetaStore;
import org.mfsj.master.meta.ExportsSet;
import org.mfsj.master.meta.MetaState;

/** Whose mfsexports.cfg becomes the cluster's, and that the cluster's outlives restarts and images. */
class ExportsPushTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"), ZoneOffset.UTC);
    private static final String ONLY_LOCALHOST = "127.0.0.1 / rw\n";
    private static final String ONLY_OTHER = "10.1.1.1 / rw\n";

    @TempDir
    Path dir;

    private MetaStore open() throws Exception {
        return MetaStore.open(dir.resolve("data"), CLOCK, 2, 4096, Runnable::run, () -> {
            throw new AssertionError("changelog failed");
        });
    }

    private ExportsSource file(String name, String text, long editedMillis) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        Files.setLastModifiedTime(f, FileTime.fromMillis(editedMillis));
        return ExportsSource.read(f.toString());
    }

    private static boolean admitsLocalhost(LiveExports live) {
        return live.current().decide(InetAddress.getLoopbackAddress(), "/", null, null).admitted();
    }

    @Test
    void theFirstFileAndEveryNewerEditBecomeTheClustersAndAnOlderOneDoesNot() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        try (MetaStore store = open()) {
            ExportsSource first = file("m1.cfg", ONLY_LOCALHOST, 1_000_000);
            assertThat(ExportsPush.atLeadership(first, store.journal(), "m1:1")).isTrue();
            assertThat(store.state().exports()).isEqualTo(
                    new ExportsSet(ONLY_LOCALHOST, 1_000_000, first.file() + " on master m1:1"));

            // another master whose own file admits nobody here: the cluster's exports decide
            ExportsSource stale = file("m2.cfg", ONLY_OTHER, 999_000);
            LiveExports onM2 = new LiveExports(store.state()::exports, stale);
            assertThat(admitsLocalhost(onM2)).isTrue();
            assertThat(ExportsPush.atLeadership(stale, store.journal(), "m2:1")).as("an older edit").isFalse();
            assertThat(ExportsPush.atLeadership(first, store.journal(), "m1:1")).as("the same text").isFalse();
            long version = store.state().version();

            ExportsSource newer = file("m3.cfg", ONLY_OTHER, 2_000_000);
            assertThat(ExportsPush.atLeadership(newer, store.journal(), "m3:1")).isTrue();
            assertThat(store.state().version()).isEqualTo(version + 1);
            assertThat(admitsLocalhost(onM2)).as("parsed again once the cluster's changed").isFalse();
            assertThat(onM2.current().decide(InetAddress.getLoopbackAddress(), "/", null, null).refusal())
                    .contains("the cluster's exports (" + newer.file() + " on master m3:1, edited");

            // SIGHUP: the operator asks for the older file, so it wins
            assertThat(ExportsPush.onReload(first, store.journal(), "m1:1")).isTrue();
            assertThat(admitsLocalhost(onM2)).isTrue();
            assertThat(ExportsPush.onReload(first, store.journal(), "m1:1")).as("nothing new").isFalse();
            assertThat(ExportsPush.onReload(ExportsSource.read(""), store.journal(), "m4:1")).as("no file").isFalse();
        }
        MetaState replayed = MetaStore.recover(dir.resolve("data"), CLOCK, 2, false);
        assertThat(replayed.exports().text()).isEqualTo(ONLY_LOCALHOST);
        assertThat(replayed.exports().origin()).endsWith("m1.cfg on master m1:1");
        ImageWriter.write(replayed, dir.resolve("data"));
        MetaState loaded = ImageReader.load(dir.resolve("data").resolve(ImageReader.NAME), CLOCK);
        assertThat(loaded.exports()).isEqualTo(replayed.exports());
    }

    @Test
    void withNoClusterExportsAMasterUsesItsOwnFileAndARereadOne() throws Exception {
        LiveExports live = new LiveExports(() -> null, file("own.cfg", ONLY_OTHER, 5));
        assertThat(admitsLocalhost(live)).isFalse();
        live.local(file("own.cfg", ONLY_LOCALHOST, 6));
        assertThat(admitsLocalhost(live)).isTrue();
    }

    @Test
    void clusterExportsThatDoNotParseHereLeaveTheLastGoodOnesInForce() throws Exception {
        ExportsSet[] cluster = {new ExportsSet(ONLY_LOCALHOST, 1, "m1:1")};
        LiveExports live = new LiveExports(() -> cluster[0], file("own.cfg", ONLY_OTHER, 5));
        assertThat(admitsLocalhost(live)).isTrue();
        cluster[0] = new ExportsSet("127.0.0.1 / rw,maproot=no-such-user-here-4711\n", 2, "m2:1");
        assertThat(admitsLocalhost(live)).isTrue();
    }
}
