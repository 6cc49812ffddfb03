package org.mfsj.master.ha;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.mfsj.common.wire.master2follower.ImagePart;
import org.mfsj.master.image.ImageReader;
import org.mfsj.master.meta.MetaState;
import org.mfsj.master.changelog.Segment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A follower's side of receiving the leader's image: the bytes go to {@code metadata.mfs.incoming}
 * beside the metadata, never over it, named by {@code metadata.mfs.incoming.id} (leader, version,
 * term, length, stamp) so that a transfer cut off (connection, or this master restarted) goes on
 * from the bytes held, while a different image starts afresh. A piece whose CRC32C does not match
 * is refused. Once whole, the file is forced and renamed to {@code metadata.mfs.ready}; at the
 * start of the next life {@link #installReady} loads it in full (every frame checked, and the end
 * mark's counts) and only then puts it in place of the image, dropping this master's changelog
 * files, which it supersedes. A crash at any point leaves the old metadata or the new, never a
 * mix. Used on the master thread.
 */
public final class IncomingImage implements AutoCloseable {
    static final String INCOMING = "metadata.mfs.incoming";
    static final String ID = "metadata.mfs.incoming.id";
    static final String READY = "metadata.mfs.ready";

    private static final Logger LOG = LoggerFactory.getLogger(IncomingImage.class);

    /** What to answer: the bytes held in order, and whether the image is whole and ready. */
    public record Held(long nextOffset, boolean complete) {
    }

    private final Path dir;
    private String id;
    private FileChannel data;
    private long size;
    private long length;
    private long version;

    public IncomingImage(Path dir) {
        this.dir = dir;
    }

    /** Stores {@code p} if it continues what is held. */
    public Held accept(ImagePart p) {
        if (p.imageLength() <= 0 || p.offset() < 0 || p.offset() > p.imageLength()) {
            LOG.warn("image piece from master {} names offset {} of {} bytes; refused", p.leader(), p.offset(),
                    p.imageLength());
            return new Held(0, false);
        }
        try {
            String want = p.leader() + " " + p.imageVersion() + " " + p.imageTerm() + " " + p.imageLength() + " "
                    + p.imageStamp();
            if (!want.equals(id)) {
                resume(want, p);
            }
            if (p.data().length > 0 && !crcMatches(p)) {
                LOG.warn("piece at offset {} of the image of version {} from master {} is damaged (CRC); refused",
                        p.offset(), p.imageVersion(), p.leader());
                return new Held(size, false);
            }
            long end = p.offset() + p.data().length;
            if (end > length) {
                LOG.warn("piece at offset {} runs past the end of the image of version {} from master {}; refused",
                        p.offset(), p.imageVersion(), p.leader());
                return new Held(size, false);
            }
            if (p.offset() <= size && end > size) {
                // a piece sent again after a cut may overlap what is held: only the rest is written
                int skip = (int) (size - p.offset());
                ByteBuffer b = ByteBuffer.wrap(p.data(), skip, p.data().length - skip);
                while (b.hasRemaining()) {
                    size += data.write(b, size);
                }
            }
            if (size == length) {
                complete();
                return new Held(size, true);
            }
            return new Held(size, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the leader's image in " + dir, e);
        }
    }

    private static boolean crcMatches(ImagePart p) {
        CRC32C c = new CRC32C();
        c.update(p.data());
        return (int) c.getValue() == p.crc();
    }

    /** Takes up the transfer {@code want} names: the bytes held of it, or a fresh start. */
    private void resume(String want, ImagePart p) throws IOException {
        closeData();
        Path file = dir.resolve(INCOMING);
        Path idFile = dir.resolve(ID);
        boolean same = Files.exists(idFile) && Files.exists(file)
                && Files.readString(idFile, StandardCharsets.UTF_8).equals(want);
        if (!same) {
            Files.deleteIfExists(file);
            Files.writeString(idFile, want, StandardCharsets.UTF_8);
            sync(idFile);
        }
        data = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        size = Math.min(data.size(), p.imageLength());
        id = want;
        length = p.imageLength();
        version = p.imageVersion();
        LOG.info("receiving the image of version {} ({} bytes) from master {}, {} bytes of it held already",
                version, length, p.leader(), size);
    }

    /** The whole image is here: forced, and renamed to be installed at the next start of a life. */
    private void complete() throws IOException {
        data.force(true);
        closeData();
        Path file = dir.resolve(INCOMING);
        ImageReader.Base base = ImageReader.base(file);
        if (base.version() != version) {
            Files.deleteIfExists(file);
            throw new IOException("image received holds version " + base.version() + ", not " + version);
        }
        Files.move(file, dir.resolve(READY), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(dir.resolve(ID));
        Segment.syncDir(dir);
        id = null;
        LOG.info("image of version {} received whole ({} bytes); it replaces this master's metadata", version, length);
    }

    /** For {@code mfs status}: how far a transfer is, or "" when none is under way. */
    public String progress() {
        if (id == null || length == 0) {
            return "";
        }
        return "installing image of version " + version + ": " + size + "/" + length + " bytes ("
                + size * 100 / length + "%)";
    }

    /**
     * Puts a received image in place, if one is ready: loads it in full first (a damaged one is
     * deleted and the old metadata kept), drops the changelog files it supersedes, then renames it
     * over {@code metadata.mfs}. Returns the state the image holds, loaded (the metadata to start
     * from), or null when none was ready.
     */
    public static MetaState installReady(Path dir, Clock clock) throws IOException {
        Path ready = dir.resolve(READY);
        if (!Files.exists(ready)) {
            return null;
        }
        MetaState loaded;
        try {
            loaded = ImageReader.load(ready, clock);
        } catch (IOException e) {
            LOG.error("received image {} does not check out ({}); deleted, the leader sends it again", ready,
                    e.getMessage());
            Files.delete(ready);
            return null;
        }
        long version = loaded.version();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(IncomingImage::isChangelog).toList()) {
                Files.delete(p);
            }
        }
        Files.deleteIfExists(dir.resolve("metadata.mfs.back"));
        Segment.syncDir(dir);
        Files.move(ready, dir.resolve(ImageReader.NAME), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        Segment.syncDir(dir);
        LOG.info("image of version {} from the leader installed in {}; this master's older changelog dropped", version,
                dir);
        return loaded;
    }

    private static boolean isChangelog(Path p) {
        return p.getFileName().toString().matches("changelog\\.\\d+\\.mfs");
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Segment.syncDir(file.getParent());
    }

    private void closeData() throws IOException {
        if (data != null) {
            data.close();
            data = null;
        }
    }

    @Override
    public void close() {
        try {
            closeData();
        } catch (IOException e) {
            LOG.debug("closing the incoming image", e);
        }
    }
}
