package org.mfsj.client.io;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32C;
import org.mfsj.client.master.Futures;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2chunk.WriteData;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.client2chunk.WriteEnd;
import org.mfsj.common.wire.client2chunk.WriteEndSync;
import org.mfsj.common.wire.client2chunk.WriteInit;
import org.mfsj.common.wire.client2chunk.WriteInitNew;
import org.mfsj.common.wire.client2chunk.WriteReply;
import org.mfsj.common.wire.client2master.NewChunkReply;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.common.wire.client2master.WriteChunk;
import org.mfsj.common.wire.client2master.AttrsAtEnd;
import org.mfsj.common.wire.client2master.WriteChunkEnd;
import org.mfsj.common.wire.client2master.WriteChunkReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One write session on one chunk: the master opens the chunk for writing (new version, chain),
 * we stream WriteData to the chain's head with a bounded window of unacknowledged bytes, then end
 * it on the chain and with the master. Owned by one thread at a time (the writer, then perhaps the
 * thread finishing it in the background); only the acknowledgement bookkeeping is shared with the
 * event loop, under this object's monitor.
 */
final class ChunkWriteSession {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkWriteSession.class);

    private final WriteContext ctx;
    private final long inode;
    private final int index;
    private final long chunkId;
    private final int version;
    private final List<ServerAddress> chain;
    /** The master made the chunk up: the chain creates it (WriteInitNew). */
    private final boolean create;
    private Peer peer;
    /** The chain's answer to WriteInit, which data does not wait for. */
    private CompletableFuture<WriteReply> initReply;
    private int sent;
    private long dataEnd;
    // acknowledgement bookkeeping, shared with the event loop
    private long inFlightBytes;
    /** Unacknowledged pieces, file offset to end; disjoint, because overlapping ones wait. */
    private final TreeMap<Long, Long> inFlight = new TreeMap<>();
    private Status failure;

    private ChunkWriteSession(WriteContext ctx, long inode, int index, WriteChunkReply r, boolean create) {
        this.ctx = ctx;
        this.inode = inode;
        this.index = index;
        this.chunkId = r.chunkId();
        this.version = r.version();
        this.chain = List.copyOf(r.chain());
        this.create = create;
    }

    /**
     * Asks the master to open chunk {@code index} for writing. A refusal that may pass (no servers
     * right now, chunk busy) is a {@link ChainBrokenException}; any other refusal is final.
     */
    static ChunkWriteSession open(WriteContext ctx, Creds creds, long inode, int index)
            throws MfsException, ChainBrokenException {
        String what = "open chunk " + index + " of inode " + inode + " for writing";
        Reply reply = ctx.master().request(id -> new WriteChunk(id, creds, inode, index), Reply.class, what);
        // a scratch file's new chunk comes as NewChunkReply: no server has it until our WriteInitNew
        boolean create = reply instanceof NewChunkReply;
        WriteChunkReply r = reply instanceof NewChunkReply n ? n.reply()
                : reply instanceof WriteChunkReply w ? w : null;
        if (r == null) {
            if (reply instanceof StatusReply st) {
                MfsException.check(st.status(), what);
            }
            throw new MfsException(Status.PROTOCOL, what + ": master answered " + reply.getClass().getSimpleName());
        }
        // the version changes now, whatever happens next: cached locations are stale
        ctx.cache().invalidate(inode, index);
        Status s = r.status();
        if (s == Status.NO_CHUNKSERVERS || s == Status.CHUNK_BUSY || s == Status.EAGAIN) {
            throw new ChainBrokenException(s, what + ": master says " + s.message());
        }
        MfsException.check(s, what);
        ctx.metrics().writeSession();
        LOG.debug("writing chunk {} v{} (index {} of inode {}) on chain {}", r.chunkId(), r.version(), index, inode,
                r.chain());
        return new ChunkWriteSession(ctx, inode, index, r, create);
    }

    int index() {
        return index;
    }

    long chunkId() {
        return chunkId;
    }

    List<ServerAddress> chain() {
        return chain;
    }

    /** How many extents this session has sent so far. */
    int sent() {
        return sent;
    }

    /**
     * Connects to the chain's head and has it connect the rest of the chain. The answer is not
     * waited for: data may follow at once (each server queues it behind the session's start), and
     * a refusal shows as failed data or in {@link #finish}.
     */
    void connect() throws ChainBrokenException {
        if (chain.isEmpty()) {
            throw new ChainBrokenException(Status.NO_CHUNKSERVERS, "master gave chunk " + chunkId + " an empty chain");
        }
        ServerAddress head = chain.get(0);
        try {
            peer = Futures.await(ctx.conns().lease(head), "connect to chunkserver " + head);
        } catch (MfsException e) {
            throw new ChainBrokenException(e.status(), "chain " + chain + ": " + e.getMessage());
        }
        List<ServerAddress> rest = chain.subList(1, chain.size());
        initReply = peer.call(id -> create ? new WriteInitNew(new WriteInit(id, chunkId, version, rest))
                : new WriteInit(id, chunkId, version, rest), WriteReply.class, ctx.timeoutMs());
    }

    /** Waits for the chain's answer to WriteInit; a refusal breaks the session. */
    private void awaitInit() throws ChainBrokenException {
        try {
            WriteReply r = Futures.await(initReply, "start writing chunk " + chunkId);
            if (!r.status().isOk()) {
                throw new ChainBrokenException(r.status(), "chain " + chain + " refused chunk " + chunkId + " v"
                        + version + ": " + r.status().message());
            }
        } catch (MfsException e) {
            throw new ChainBrokenException(e.status(), "chain " + chain + ": " + e.getMessage());
        }
    }

    /** Sends one extent, waiting first for window room (and for overlapping sends to land). */
    void send(Extent e) throws ChainBrokenException, MfsException {
        int len = e.length();
        synchronized (this) {
            try {
                // a server may apply pipelined pieces in any order: an overwrite waits for what it overwrites
                while (overlapsInFlight(e) && failure == null) {
                    wait();
                }
                while (!inFlight.isEmpty() && inFlightBytes + len > ctx.windowBytes() && failure == null) {
                    wait();
                }
            } catch (InterruptedException ie) {
                throw Futures.interrupted("write to chunk " + chunkId);
            }
            checkFailure();
            inFlightBytes += len;
            inFlight.put(e.offset(), e.end());
        }
        sent++;
        dataEnd = Math.max(dataEnd, e.end());
        CRC32C crc = new CRC32C();
        crc.update(e.data().nioBuffer(0, len));
        int sum = (int) crc.getValue();
        int at = ChunkGeometry.offsetInChunk(e.offset());
        // the extent's bytes go out as they are, held by the message until written (a failed chain sends them again)
        peer.call(id -> new WriteData(id, chunkId, at, sum, e.data().retainedSlice(0, len)), WriteReply.class,
                ctx.timeoutMs())
                .whenComplete((r, err) -> acked(e.offset(), len, err != null ? Futures.statusOf(err) : r.status()));
    }

    private boolean overlapsInFlight(Extent e) {
        Map.Entry<Long, Long> before = inFlight.floorEntry(e.offset());
        if (before != null && before.getValue() > e.offset()) {
            return true;
        }
        Long after = inFlight.ceilingKey(e.offset());
        return after != null && after < e.end();
    }

    private synchronized void acked(long offset, int len, Status s) {
        inFlightBytes -= len;
        inFlight.remove(offset);
        if (s.isOk()) {
            ctx.metrics().acked(len);
        } else if (failure == null) {
            failure = s;
        }
        notifyAll();
    }

    private void checkFailure() throws ChainBrokenException {
        if (failure != null) {
            throw new ChainBrokenException(failure, "chain " + chain + " failed writing chunk " + chunkId + " v"
                    + version);
        }
    }

    /**
     * Ends the session on the chain (every server has the data, not yet forced to disk: see
     * {@link FileSync}; with {@code sync}, forced on every server before the chain answers), and
     * has the master record it; returns the file's attributes afterwards.
     *
     * <p>The end goes out right behind the data instead of after its acknowledgements: each server
     * ends its session only once every write before it is settled there and below, and answers with
     * the session's first failure, so the chain is walked once, not twice (a 4 KiB PUT waited for a
     * whole extra pass). The acknowledgements are still all awaited before the end counts.
     */
    Attr finish(boolean sync) throws ChainBrokenException, MfsException {
        return finish(sync, null);
    }

    /** As {@link #finish(boolean)}; the master sets {@code then} (null: nothing) right after the end. */
    Attr finish(boolean sync, AttrsAtEnd then) throws ChainBrokenException, MfsException {
        CompletableFuture<WriteReply> ended = peer.call(id -> sync ? new WriteEndSync(new WriteEnd(id, chunkId))
                : new WriteEnd(id, chunkId), WriteReply.class, ctx.timeoutMs());
        // a refused start explains the failed data better than the data's own errors
        awaitInit();
        synchronized (this) {
            try {
                while (!inFlight.isEmpty() && failure == null) {
                    wait();
                }
            } catch (InterruptedException ie) {
                throw Futures.interrupted("write to chunk " + chunkId);
            }
            checkFailure();
        }
        try {
            WriteReply r = Futures.await(ended, "end writing chunk " + chunkId);
            if (!r.status().isOk()) {
                throw new ChainBrokenException(r.status(), "chain " + chain + " could not end chunk " + chunkId);
            }
        } catch (MfsException e) {
            throw new ChainBrokenException(e.status(), "chain " + chain + ": " + e.getMessage());
        }
        ctx.conns().release(chain.get(0), peer);
        peer = null;
        String what = "record write of chunk " + index + " of inode " + inode;
        Attr a = ctx.master().attr(id -> new WriteChunkEnd(id, inode, index, chunkId, dataEnd, Status.OK, then),
                what);
        if (!sync) {
            // a forced session is on disk everywhere already: nothing for a later fsync to ask
            ctx.fileSync().written(inode, chunkId, version, chain);
        }
        ctx.cache().invalidate(inode, index);
        LOG.debug("wrote chunk {} v{} (index {} of inode {}) up to file offset {}", chunkId, version, index, inode,
                dataEnd);
        return a;
    }

    /** Gives up on this session: closes its connection and tells the master the write failed. */
    void abort(Status why) {
        if (peer != null) {
            ctx.conns().discard(peer);
            peer = null;
        }
        try {
            ctx.master().status(id -> new WriteChunkEnd(id, inode, index, chunkId, 0, why),
                    "report failed write of chunk " + chunkId);
        } catch (MfsException e) {
            LOG.warn("master did not take the failed write of chunk {} (index {} of inode {}): {}", chunkId, index,
                    inode, e.getMessage());
        }
        ctx.cache().invalidate(inode, index);
    }
}
