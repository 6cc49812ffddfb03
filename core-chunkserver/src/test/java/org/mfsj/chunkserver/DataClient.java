package org.mfsj.chunkserver;

import io.netty.channel.EventLoopGroup;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.client2chunk.ClientChunkProtocol;
import org.mfsj.common.wire.client2chunk.ReadBlocks;
import org.mfsj.common.wire.client2chunk.ForceStats;
import org.mfsj.common.wire.client2chunk.ForceStatsReply;
import org.mfsj.common.wire.client2chunk.ReadReply;
import org.mfsj.common.wire.client2chunk.WriteData;
import org.mfsj.common.wire.client2chunk.WriteEnd;
import org.mfsj.common.wire.client2chunk.WriteEndSync;
import org.mfsj.common.wire.client2chunk.WriteInit;
import org.mfsj.common.wire.client2chunk.WriteInitNew;
import org.mfsj.common.wire.client2chunk.WriteReply;

/** A bare client connection to a data port, speaking the client protocol message by message. */
final class DataClient implements AutoCloseable {
    private static final int TIMEOUT_MS = 30_000;

    private final Peer peer;

    private DataClient(Peer peer) {
        this.peer = peer;
    }

    static DataClient connect(EventLoopGroup group, ServerAddress to) throws Exception {
        return new DataClient(WireClient.connect(group, to, ClientChunkProtocol.FAMILY, ClientChunkProtocol.FAMILY,
                (p, m) -> { }, TIMEOUT_MS).get(FakeMaster.WAIT_SECONDS, TimeUnit.SECONDS));
    }

    Status init(long chunkId, int version, List<ServerAddress> chain) throws Exception {
        return await(peer.call(id -> new WriteInit(id, chunkId, version, chain), WriteReply.class, TIMEOUT_MS));
    }

    /** Sends a piece with its correct CRC; the reply is not awaited. */
    CompletableFuture<WriteReply> data(long chunkId, int offset, byte[] data) {
        return data(chunkId, offset, data, TestBytes.crc(data));
    }

    CompletableFuture<WriteReply> data(long chunkId, int offset, byte[] data, int crc) {
        return peer.call(id -> WriteData.of(id, chunkId, offset, crc, data), WriteReply.class, TIMEOUT_MS);
    }

    /** WriteInitNew: every server of the chain creates the chunk first. */
    Status initNew(long chunkId, int version, List<ServerAddress> chain) throws Exception {
        return await(peer.call(id -> new WriteInitNew(new WriteInit(id, chunkId, version, chain)), WriteReply.class,
                TIMEOUT_MS));
    }

    /** WriteEndSync: answered once every server of the chain has forced the chunk. */
    Status endSync(long chunkId) throws Exception {
        return await(peer.call(id -> new WriteEndSync(new WriteEnd(id, chunkId)), WriteReply.class, TIMEOUT_MS));
    }

    ForceStatsReply forceStats() throws Exception {
        return peer.call(ForceStats::new, ForceStatsReply.class, TIMEOUT_MS).get(FakeMaster.WAIT_SECONDS,
                TimeUnit.SECONDS);
    }

    Status end(long chunkId) throws Exception {
        return await(peer.call(id -> new WriteEnd(id, chunkId), WriteReply.class, TIMEOUT_MS));
    }

    ReadReply read(long chunkId, int version, int offset, int length) throws Exception {
        return peer.call(id -> new ReadBlocks(id, chunkId, version, offset, length), ReadReply.class, TIMEOUT_MS)
                .get(FakeMaster.WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Reads the whole chunk in 4 MiB pieces, failing on any status but OK. */
    byte[] readAll(long chunkId, int version) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offset = 0;
        while (true) {
            ReadReply r = read(chunkId, version, offset, ReadReply.MAX_DATA);
            if (!r.status().isOk()) {
                throw new AssertionError("read of chunk " + chunkId + " at " + offset + ": " + r.status());
            }
            out.write(r.data());
            offset += r.data().length;
            if (r.data().length < ReadReply.MAX_DATA) {
                return out.toByteArray();
            }
        }
    }

    /**
     * A new chunk's whole session in one pass, nothing waiting for an answer: WriteInitNew,
     * {@code data} in pieces, WriteEndSync; returns every reply's status in that order.
     */
    List<Status> oneShotNew(long chunkId, List<ServerAddress> chain, byte[] data, int piece) throws Exception {
        List<CompletableFuture<WriteReply>> replies = new java.util.ArrayList<>();
        replies.add(peer.call(id -> new WriteInitNew(new WriteInit(id, chunkId, 1, chain)), WriteReply.class,
                TIMEOUT_MS));
        for (int off = 0; off < data.length; off += piece) {
            byte[] part = java.util.Arrays.copyOfRange(data, off, Math.min(data.length, off + piece));
            replies.add(data(chunkId, off, part));
        }
        replies.add(peer.call(id -> new WriteEndSync(new WriteEnd(id, chunkId)), WriteReply.class, TIMEOUT_MS));
        List<Status> out = new java.util.ArrayList<>();
        for (CompletableFuture<WriteReply> r : replies) {
            out.add(await(r));
        }
        return out;
    }

    /** Sends {@code data} at {@code base} in pieces, all in flight at once, and returns every reply's status. */
    List<Status> writePipelined(long chunkId, int base, byte[] data, int piece) throws Exception {
        List<CompletableFuture<WriteReply>> replies = new java.util.ArrayList<>();
        for (int off = 0; off < data.length; off += piece) {
            byte[] part = java.util.Arrays.copyOfRange(data, off, Math.min(data.length, off + piece));
            replies.add(data(chunkId, base + off, part));
        }
        List<Status> out = new java.util.ArrayList<>();
        for (CompletableFuture<WriteReply> r : replies) {
            out.add(await(r));
        }
        return out;
    }

    private static Status await(CompletableFuture<WriteReply> f) throws Exception {
        return f.get(FakeMaster.WAIT_SECONDS, TimeUnit.SECONDS).status();
    }

    boolean isActive() {
        return peer.isActive();
    }

    @Override
    public void close() {
        peer.close();
    }
}
