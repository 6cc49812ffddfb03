package org.mfsj.chunkserver.net;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.zip.CRC32C;
import org.mfsj.chunkserver.ChunkIds;
import org.mfsj.chunkserver.SerialExecutor;
import org.mfsj.chunkserver.StoreTasks;
import org.mfsj.chunkserver.Statuses;
import org.mfsj.chunkserver.store.ChunkInfo;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2chunk.WriteData;
import org.mfsj.common.wire.client2chunk.WriteInit;
import org.mfsj.common.wire.client2chunk.WriteReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chained write of one chunk on one upstream connection (a client, or the server before us).
 *
 * <p>Each WriteData is forwarded down the chain first and written here meanwhile; the upstream
 * hears OK only when both have it, otherwise the first error. Many writes may be in flight: each
 * is answered by its message id, in whatever order they finish, so no write waits for another's
 * round trip. Local writes run one at a time in arrival order on the I/O pool. Once the chain
 * below breaks, every pending and later write fails with that status; WriteEnd reports the
 * session's first failure, so OK there means the whole chain has every byte.
 *
 * <p>Requests arrive on the upstream's event loop; completions run on I/O threads and on the
 * downstream's event loop, hence the atomics.
 */
final class WriteSession {
    private static final Logger LOG = LoggerFactory.getLogger(WriteSession.class);
    private static final CompletableFuture<Status> OK_NOW = CompletableFuture.completedFuture(Status.OK);

    private final DataServices services;
    private final Peer upstream;
    private final long chunkId;
    private final int version;
    private final SerialExecutor disk;
    private final InFlight inFlight = new InFlight();
    /** Set when the chain below us failed: fails every write from then on. */
    private final AtomicReference<Status> broken = new AtomicReference<>();
    /** The first write that failed, for any reason: WriteEnd reports it. */
    private final AtomicReference<Status> firstError = new AtomicReference<>();
    private final AtomicLong bytesAcked = new AtomicLong();
    /** null while WriteInit is being answered, then its outcome. */
    private volatile Status state;
    /** Completes with {@link #state} once it is known. */
    private final CompletableFuture<Status> ready = new CompletableFuture<>();
    private volatile Downstream downstream;
    private volatile boolean abandoned;
    /** Why the session's first disk step failed, null while it has not; read by later disk steps. */
    private volatile Status localRefusal;

    WriteSession(DataServices services, Peer upstream, long chunkId, int version) {
        this.services = services;
        this.upstream = upstream;
        this.chunkId = chunkId;
        this.version = version;
        this.disk = new SerialExecutor(services.workers());
    }

    /**
     * Checks the copy here (with {@code create}, creates it: WriteInitNew) while it opens the rest
     * of the chain; answers when the whole chain is ready.
     */
    void init(WriteInit w, boolean create) {
        CompletableFuture<Status> local = StoreTasks.run(disk, () -> startLocally(create));
        CompletableFuture<Status> down = w.chain().isEmpty() ? OK_NOW : openDownstream(w.chain(), create);
        firstError(local, down)
                .thenAccept(s -> {
                    state = s;
                    ready.complete(s);
                    if (!s.isOk()) {
                        closeDownstream();
                        LOG.warn("chunk {} v{}: write session from {} refused: {}", ChunkIds.hex(chunkId), version,
                                upstream.remote(), s);
                    }
                    upstream.send(new WriteReply(w.msgId(), s));
                });
    }

    private void checkLocalCopy() throws MfsException {
        ChunkInfo info = services.store().info(chunkId);
        if (info.version() != version) {
            throw new MfsException(Status.WRONG_VERSION, "chunk " + ChunkIds.hex(chunkId) + " is version "
                    + info.version() + ", not " + version);
        }
    }

    /** The session's first disk step; data that came with the WriteInit queues behind it. */
    private void startLocally(boolean create) throws MfsException {
        try {
            if (create) {
                services.store().create(chunkId, version);
                // the master counted this copy when it answered the client, but a master that restarted (or
                // a new leader) since then heard of it from no registration: it was made after
                services.reports().chunkAdded(chunkId, version);
            } else {
                checkLocalCopy();
            }
        } catch (MfsException | RuntimeException e) {
            localRefusal = e instanceof MfsException m ? m.status() : Status.EIO;
            throw e;
        }
    }

    private CompletableFuture<Status> openDownstream(List<ServerAddress> chain, boolean create) {
        Downstream d = new Downstream(services, chain.get(0), this::chainBroken);
        downstream = d;
        if (abandoned) {
            d.close();
        }
        return d.open(chunkId, version, chain.subList(1, chain.size()), create);
    }

    /**
     * Writes one piece here and forwards it down the chain. It may come before WriteInit is
     * answered (a client sends both at once): the local write then queues behind the init's own
     * disk step and the forward behind the WriteInit sent on, so a failed init fails it.
     */
    void data(WriteData w) {
        Status s = state;
        Status refused = w.chunkId() != chunkId ? Status.EINVAL
                : s == null || s.isOk() ? broken.get() : s;
        if (refused != null) {
            // refused data is never written anywhere, so the session cannot end OK either
            noteError(refused, "write of " + w.length() + " bytes at " + w.offset());
            reply(w.msgId(), refused);
            return;
        }
        // the frame's bytes are written here and forwarded as they are: kept until both are done with them
        w.retain();
        inFlight.begin();
        Downstream d = downstream;
        CompletableFuture<Status> down = d == null ? OK_NOW : d.forward(w);
        CompletableFuture<Status> local = StoreTasks.run(disk, () -> writeLocally(w));
        CompletableFuture<Void> replied = firstError(down, local).thenAccept(r -> {
            Status out = r;
            if (!r.isOk()) {
                Status b = broken.get();
                out = b != null ? b : r;
                noteError(out, "write of " + w.length() + " bytes at " + w.offset());
            } else {
                bytesAcked.addAndGet(w.length());
            }
            reply(w.msgId(), out);
        });
        // the session's end waits until the data is on disk and below, not only until it was answered
        CompletableFuture.allOf(down, local, replied).whenComplete((v, e) -> {
            // written here (or refused), and sent on (or never to be): the forward holds its own reference
            w.release();
            inFlight.done();
        });
    }

    private void writeLocally(WriteData w) throws MfsException {
        Status refused = localRefusal;
        if (refused != null) {
            // the session never started here: its data must not land in a chunk it was not for
            throw new MfsException(refused, "write session of chunk " + ChunkIds.hex(chunkId) + " was refused");
        }
        ByteBuffer data = w.data().nioBuffer();
        try {
            services.store().write(chunkId, version, w.offset(), data, w.crc32c());
        } catch (MfsException e) {
            // CRC_ERROR with good data means a partly overwritten block on disk failed its check
            if (e.status() == Status.CRC_ERROR && crcOf(data) == w.crc32c()) {
                services.reader().dropDamaged(chunkId, version, "write session of " + upstream.remote(), e);
            }
            throw e;
        }
    }

    private static int crcOf(ByteBuffer data) {
        CRC32C c = new CRC32C();
        c.update(data.duplicate());
        return (int) c.getValue();
    }

    /**
     * Ends the session here and below once every write is settled, and closes the chain then. OK
     * means every server of the chain has every byte; each forces it to disk when its
     * {@link org.mfsj.chunkserver.force.ChunkForcer} says (a client's fsync, or the delay), or,
     * with {@code sync} (WriteEndSync), before answering.
     *
     * <p>The end goes down the chain at once, behind the data forwarded before it, without waiting
     * for this session's start or its writes: the next server settles its own writes before it
     * ends, so a small write walks the chain once (start, data and end together) instead of once
     * for the start and the data's answers and again for the end. A start that failed here closes
     * the chain below, which fails the end there too.
     */
    void end(int msgId, long endChunkId, boolean sync) {
        Downstream d = endChunkId == chunkId ? downstream : null;
        CompletableFuture<Status> down = d == null ? OK_NOW : d.end(chunkId, sync);
        ready.thenAccept(s -> {
            if (!s.isOk() || endChunkId != chunkId) {
                reply(msgId, !s.isOk() ? s : Status.EINVAL);
                abandon("bad WriteEnd");
            } else {
                endWhenSettled(msgId, sync, down);
            }
        });
    }

    private void endWhenSettled(int msgId, boolean sync, CompletableFuture<Status> down) {
        CompletableFuture<Status> local = inFlight.idle().thenCompose(v -> {
            CompletableFuture<Status> ended = StoreTasks.run(disk, () -> services.forcer().sessionEnded(chunkId));
            return !sync ? ended : ended.thenCompose(s -> s.isOk()
                    ? services.forcer().syncEnded(chunkId) : CompletableFuture.completedFuture(s));
        });
        // local waited for every write, here and below, so firstError is final once both are done
        CompletableFuture<Status> both = CompletableFuture.allOf(local, down)
                .thenApply(x -> local.join().isOk() ? down.join() : local.join());
        both.whenComplete((r, e) -> {
            Status s = e != null ? Statuses.of(e) : r;
            Status earlier = firstError.get();
            Status out = earlier != null ? earlier : s;
            reply(msgId, out);
            if (out.isOk() && !abandoned) {
                releaseDownstream();
            } else {
                closeDownstream();
            }
            logEnd(out);
        });
    }

    /** The upstream went away or started another session: let go of the chain below. */
    void abandon(String why) {
        abandoned = true;
        closeDownstream();
        LOG.debug("chunk {} v{}: write session from {} abandoned: {}", ChunkIds.hex(chunkId), version,
                upstream.remote(), why);
    }

    private void chainBroken(Status s) {
        Downstream d = downstream;
        if (broken.compareAndSet(null, s) && !abandoned) {
            LOG.warn("chunk {} v{}: chain broken at {} (writing for {}): {}", ChunkIds.hex(chunkId), version,
                    d == null ? "?" : d.address(), upstream.remote(), s);
        }
        firstError.compareAndSet(null, s);
    }

    private void noteError(Status s, String what) {
        if (firstError.compareAndSet(null, s)) {
            LOG.warn("chunk {} v{}: {} for {} failed: {}", ChunkIds.hex(chunkId), version, what, upstream.remote(), s);
        }
    }

    private void logEnd(Status s) {
        if (s.isOk()) {
            LOG.debug("chunk {} v{}: write session from {} ended, {} bytes", ChunkIds.hex(chunkId), version,
                    upstream.remote(), bytesAcked.get());
        } else {
            LOG.warn("chunk {} v{}: write session from {} ended with {} ({} bytes acknowledged)",
                    ChunkIds.hex(chunkId), version, upstream.remote(), s, bytesAcked.get());
        }
    }

    private void releaseDownstream() {
        Downstream d = downstream;
        if (d != null) {
            d.release();
        }
    }

    private void closeDownstream() {
        Downstream d = downstream;
        if (d != null) {
            d.close();
        }
    }

    private void reply(int msgId, Status s) {
        upstream.send(new WriteReply(msgId, s));
    }

    /** Completes with the first error of the two, or OK once both are OK. */
    static CompletableFuture<Status> firstError(CompletableFuture<Status> a, CompletableFuture<Status> b) {
        CompletableFuture<Status> out = new CompletableFuture<>();
        AtomicInteger left = new AtomicInteger(2);
        BiConsumer<Status, Throwable> each = (s, e) -> {
            Status st = e != null ? Statuses.of(e) : s;
            if (!st.isOk()) {
                out.complete(st);
            } else if (left.decrementAndGet() == 0) {
                out.complete(Status.OK);
            }
        };
        a.whenComplete(each);
        b.whenComplete(each);
        return out;
    }
}
