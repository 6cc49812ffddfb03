package org.mfsj.master.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.wire.master2follower.ImagePart;
import org.mfsj.master.chunks.ChunkRecord;
import org.mfsj.master.image.ImageReader;
import org.mfsj.master.image.ImageWriter;
import org.mfsj.master.meta.LogEntry;
import org.mfsj.master.meta.MetaState;
import org.mfsj.master.meta.TermStart;

/** A follower's side of an image transfer, over real files: resume, refusals, and the checked install. */
class IncomingImageTest {
    private static final long LEADER = 7;
    private static final long STAMP = 1234;

    @TempDir
    Path tmp;

    /** A leader's image at version 301 whose last term start was term 4. */
    private byte[] leaderImage() throws Exception {
        MetaState s = MetaState.empty(Clock.systemUTC(), 1);
        s.apply(new LogEntry(1, 0, 0, new TermStart(4)));
        for (long v = 2; v <= 301; v++) {
            s.apply(new LogEntry(v, 0, 0, new ChunkRecord.Created(v, 1)));
        }
        Path dir = tmp.resolve("leader");
        return Files.readAllBytes(ImageWriter.write(s, dir));
    }

    /** A follower's data directory with a metadata image of its own and a changelog file. */
    private Path follower() throws Exception {
        Path dir = tmp.resolve("follower");
        ImageWriter.write(MetaState.empty(Clock.systemUTC(), 1), dir);
        Files.write(dir.resolve("changelog.1.mfs"), new byte[] {1, 2, 3});
        return dir;
    }

    private static ImagePart part(byte[] image, int from, int to, long stamp) {
        byte[] data = Arrays.copyOfRange(image, from, to);
        CRC32C c = new CRC32C();
        c.update(data);
        return new ImagePart(0, 5, LEADER, "h:1", 301, 4, image.length, stamp, from, (int) c.getValue(), data);
    }

    @Test
    void aCutTransferGoesOnFromTheBytesHeldAndTheImageIsInstalledOnlyWholeAndChecked() throws Exception {
        byte[] image = leaderImage();
        Path dir = follower();
        byte[] own = Files.readAllBytes(dir.resolve(ImageReader.NAME));
        int third = image.length / 3;
        try (IncomingImage in = new IncomingImage(dir)) {
            assertThat(in.accept(part(image, 0, 0, STAMP)).nextOffset()).as("asked first: nothing held").isZero();
            assertThat(in.accept(part(image, 0, third, STAMP)).nextOffset()).isEqualTo(third);
            assertThat(in.progress()).startsWith("installing image of version 301: " + third + "/" + image.length);
        }
        // this master restarts (or the link was cut): the same image goes on from the bytes held
        try (IncomingImage in = new IncomingImage(dir)) {
            assertThat(in.accept(part(image, 0, 0, STAMP)).nextOffset()).isEqualTo(third);
            ImagePart damaged = part(image, third, 2 * third, STAMP);
            damaged.data()[0] ^= 1;
            assertThat(in.accept(damaged).nextOffset()).as("a damaged piece is refused").isEqualTo(third);
            assertThat(in.accept(part(image, third + 10, 2 * third, STAMP)).nextOffset()).as("past a gap")
                    .isEqualTo(third);
            assertThat(in.accept(part(image, third - 5, 2 * third, STAMP)).nextOffset()).as("overlapping")
                    .isEqualTo(2 * third);
            IncomingImage.Held last = in.accept(part(image, 2 * third, image.length, STAMP));
            assertThat(last.complete()).isTrue();
        }
        assertThat(Files.readAllBytes(dir.resolve(ImageReader.NAME))).as("nothing replaced before the install")
                .isEqualTo(own);
        assertThat(IncomingImage.installReady(dir, Clock.systemUTC()).version()).isEqualTo(301);
        assertThat(Files.readAllBytes(dir.resolve(ImageReader.NAME))).isEqualTo(image);
        assertThat(ImageReader.base(dir.resolve(ImageReader.NAME))).isEqualTo(new ImageReader.Base(301, 4));
        assertThat(dir.resolve("changelog.1.mfs")).doesNotExist();
        assertThat(dir.resolve(IncomingImage.READY)).doesNotExist();
        assertThat(IncomingImage.installReady(dir, Clock.systemUTC())).as("nothing more to install").isNull();
    }

    @Test
    void anotherImageStartsAfresh() throws Exception {
        byte[] image = leaderImage();
        Path dir = follower();
        try (IncomingImage in = new IncomingImage(dir)) {
            in.accept(part(image, 0, 100, STAMP));
            assertThat(in.accept(part(image, 0, 0, STAMP + 1)).nextOffset()).as("a newer image of the leader")
                    .isZero();
        }
    }

    @Test
    void aReadyImageThatDoesNotLoadIsDeletedAndTheOldMetadataKept() throws Exception {
        byte[] image = leaderImage();
        Path dir = follower();
        byte[] own = Files.readAllBytes(dir.resolve(ImageReader.NAME));
        byte[] cut = Arrays.copyOf(image, image.length - 40);
        Files.write(dir.resolve(IncomingImage.READY), cut);
        assertThat(IncomingImage.installReady(dir, Clock.systemUTC())).isNull();
        assertThat(dir.resolve(IncomingImage.READY)).doesNotExist();
        assertThat(Files.readAllBytes(dir.resolve(ImageReader.NAME))).isEqualTo(own);
        assertThat(dir.resolve("changelog.1.mfs")).exists();
    }
}
