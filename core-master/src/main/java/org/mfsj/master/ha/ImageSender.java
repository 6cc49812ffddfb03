package org.mfsj.master.ha;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.zip.CRC32C;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.master2follower.ImagePart;
import org.mfsj.common.wire.master2follower.ImageReply;
import org.mfsj.master.image.ImageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's side of sending its image to followers that need entries it no longer keeps: one
 * transfer per follower, over the image file as it was when the transfer began (held open, so a
 * newer image saved meanwhile does not mix in). A transfer starts with an empty piece that asks
 * the follower how much of this image it already holds, then streams pieces from there, a few in
 * flight, at most {@code bytesPerSecond} if set. After a cut connection it asks again, so it goes
 * on from what the follower holds instead of starting over. Driven on the master thread.
 */
public final class ImageSender implements AutoCloseable {
    /** Bytes per piece. */
    static final int PART = 256 << 10;
    private static final int IN_FLIGHT = 4;
    /** With pieces unanswered this long, the connection is taken as lost: ask the follower again. */
    private static final long SILENCE_MILLIS = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(ImageSender.class);

    /** Where the messages go and who this master is. */
    public interface Link {
        void send(int peer, Message m);

        long term();

        /** Names {@code peer} in the log. */
        String name(int peer);
    }

    private final Path image;
    private final long self;
    private final String selfClients;
    private final Link link;
    private final IntPredicate needed;
    private final Clock clock;
    private final long bytesPerSecond;
    private final Runnable saveImage;
    private final Map<Integer, Transfer> transfers = new HashMap<>();
    private boolean saveAsked;

    /**
     * @param needed    whether a follower still needs the image ({@link RaftCore#needsImage})
     * @param saveImage starts saving a new image in the background (the one on disk has no term)
     */
    public ImageSender(Path image, long self, String selfClients, Link link, IntPredicate needed, Clock clock,
            long bytesPerSecond, Runnable saveImage) {
        this.image = image;
        this.self = self;
        this.selfClients = selfClients;
        this.link = link;
        this.needed = needed;
        this.clock = clock;
        this.bytesPerSecond = bytesPerSecond;
        this.saveImage = saveImage;
    }

    /** Follower {@code peer} needs the image: begins a transfer unless one is under way. */
    public void start(int peer) {
        if (transfers.containsKey(peer)) {
            return;
        }
        try {
            transfers.put(peer, open(peer));
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot send image {} to master {}: {}; trying again", image, link.name(peer), e.toString());
            return;
        }
        Transfer t = transfers.get(peer);
        LOG.info("sending image of version {} ({} bytes) to master {}: it needs entries older than this master"
                + " keeps", t.version, t.length, link.name(peer));
        ask(peer, t);
    }

    private Transfer open(int peer) throws IOException {
        Object before = Files.readAttributes(image, BasicFileAttributes.class).fileKey();
        FileChannel ch = FileChannel.open(image, StandardOpenOption.READ);
        try {
            ImageReader.Base base = ImageReader.base(image);
            if (base.term() < 0) {
                // a follower could not tell the term at its version: a newer image records it
                if (!saveAsked) {
                    saveAsked = true;
                    saveImage.run();
                }
                throw new IOException("it was written before images kept their term; a new one is being saved");
            }
            BasicFileAttributes after = Files.readAttributes(image, BasicFileAttributes.class);
            if (!Objects.equals(before, after.fileKey())) {
                throw new IOException("a newer image replaced it meanwhile");
            }
            return new Transfer(ch, base.version(), base.term(), ch.size(),
                    after.lastModifiedTime().toMillis(), clock.millis());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The connection to {@code peer} was made again: pieces in flight are lost, ask where it stands. */
    public void reconnected(int peer) {
        Transfer t = transfers.get(peer);
        if (t != null) {
            ask(peer, t);
        }
    }

    /** An empty piece: the follower answers with how much of the image it holds. */
    private void ask(int peer, Transfer t) {
        t.asking = true;
        t.sent = t.acked;
        t.lastAnswer = clock.millis();
        link.send(peer, part(t, t.acked, new byte[0]));
    }

    public void answered(int peer, ImageReply r) {
        Transfer t = transfers.get(peer);
        if (t == null || r.imageVersion() != t.version) {
            return;
        }
        if (r.complete()) {
            LOG.info("master {} holds the image of version {}", link.name(peer), t.version);
            finish(peer);
            return;
        }
        t.lastAnswer = clock.millis();
        if (t.asking) {
            t.asking = false;
            t.acked = Math.min(r.nextOffset(), t.length);
            t.sent = t.acked;
            LOG.info("master {} holds {} of {} bytes of the image of version {}; sending from there", link.name(peer),
                    t.acked, t.length, t.version);
        } else if (r.nextOffset() <= t.acked) {
            // no progress: it refused a damaged piece, or one past a gap: go back to what it holds
            t.acked = r.nextOffset();
            t.sent = t.acked;
        } else {
            t.acked = Math.min(r.nextOffset(), t.length);
            t.sent = Math.max(t.sent, t.acked);
        }
        pump(peer, t);
    }

    /** Sends what the window and the rate allow to every follower with a transfer; call often. */
    public void pump() {
        for (int p : List.copyOf(transfers.keySet())) {
            Transfer t = transfers.get(p);
            if (!needed.test(p)) {
                finish(p);
            } else if (clock.millis() - t.lastAnswer > SILENCE_MILLIS) {
                ask(p, t);
            } else {
                pump(p, t);
            }
        }
    }

    private void pump(int peer, Transfer t) {
        int part = partSize();
        while (!t.asking && t.sent < t.length && t.sent - t.acked < (long) IN_FLIGHT * part) {
            int n = (int) Math.min(part, t.length - t.sent);
            if (!t.allow(n, clock.millis(), bytesPerSecond)) {
                return;
            }
            byte[] data = new byte[n];
            try {
                readFully(t.ch, ByteBuffer.wrap(data), t.sent);
            } catch (IOException e) {
                LOG.error("cannot read image {} for master {}; the transfer starts again", image, link.name(peer), e);
                finish(peer);
                return;
            }
            link.send(peer, part(t, t.sent, data));
            t.sent += n;
        }
    }

    /** Smaller pieces when the rate is low, so that the follower hears from the leader several times a second. */
    private int partSize() {
        return bytesPerSecond <= 0 ? PART : (int) Math.max(4096, Math.min(PART, bytesPerSecond / 8));
    }

    private ImagePart part(Transfer t, long offset, byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        return new ImagePart(0, link.term(), self, selfClients, t.version, t.term, t.length, t.stamp, offset,
                (int) crc.getValue(), data);
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long pos = position;
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) {
                throw new IOException("image ends before " + pos);
            }
            pos += n;
        }
    }

    private void finish(int peer) {
        Transfer t = transfers.remove(peer);
        if (t != null) {
            t.close();
        }
    }

    @Override
    public void close() {
        for (int p : List.copyOf(transfers.keySet())) {
            finish(p);
        }
    }

    /** One follower's transfer: the open image, what was sent and acknowledged, and the rate budget. */
    private static final class Transfer {
        final FileChannel ch;
        final long version;
        final long term;
        final long length;
        final long stamp;
        long sent;
        long acked;
        boolean asking;
        long lastAnswer;
        private long budgetAt;
        private double budget;

        Transfer(FileChannel ch, long version, long term, long length, long stamp, long now) {
            this.ch = ch;
            this.version = version;
            this.term = term;
            this.length = length;
            this.stamp = stamp;
            this.budgetAt = now;
        }

        /** Whether {@code n} more bytes fit the rate now (a token bucket holding a quarter second). */
        boolean allow(int n, long now, long bytesPerSecond) {
            if (bytesPerSecond <= 0) {
                return true;
            }
            budget = Math.min(Math.max(n, bytesPerSecond / 4.0), budget + (now - budgetAt) * bytesPerSecond / 1000.0);
            budgetAt = now;
            if (budget < n) {
                return false;
            }
            budget -= n;
            return true;
        }

        void close() {
            try {
                ch.close();
            } catch (IOException e) {
                LOG.debug("closing the image being sent", e);
            }
        }
    }
}
