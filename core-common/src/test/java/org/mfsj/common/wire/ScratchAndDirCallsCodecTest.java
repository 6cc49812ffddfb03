package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.CreateOpen;
import org.mfsj.common.wire.client2master.DirChangeReply;
import org.mfsj.common.wire.client2master.Link;
import org.mfsj.common.wire.client2master.Mkdir;
import org.mfsj.common.wire.client2master.Mknod;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.common.wire.client2master.ReleaseMany;
import org.mfsj.common.wire.client2master.PublishWritten;
import org.mfsj.common.wire.client2master.Rename;
import org.mfsj.common.wire.client2master.ReplyCounts;
import org.mfsj.common.wire.client2master.ReplyCountsReply;
import org.mfsj.common.wire.client2master.Rmdir;
import org.mfsj.common.wire.client2master.ScratchCreateOpen;
import org.mfsj.common.wire.client2master.ScratchCreateWrite;
import org.mfsj.common.wire.client2master.ScratchCreatedReply;
import org.mfsj.common.wire.client2master.NewChunkReply;
import org.mfsj.common.wire.client2master.ScratchOpenChunk;
import org.mfsj.common.wire.client2master.ScratchWriteChunkEnd;
import org.mfsj.common.wire.client2master.Symlink;
import org.mfsj.common.wire.client2master.Unlink;
import org.mfsj.common.wire.client2master.WithDirAttrs;
import org.mfsj.common.wire.client2master.WriteChunk;
import org.mfsj.common.wire.client2master.WriteChunkEnd;
import org.mfsj.common.wire.client2master.WriteChunkReply;

/** The scratch calls, changes sent with their directories' attributes, the reply counts and batched releases: on the wire. */
class ScratchAndDirCallsCodecTest {
    private static final MessageFamily CM = ClientMasterProtocol.FAMILY;
    private static final Creds USER = new Creds(1000, 100, new int[] {4});
    private static final Attr ATTR = new Attr(42, FileType.FILE, 0644, 1000, 100, 1L, 2L, 3L, 1, 4096, 0, 2, 1);
    private static final Attr DIR = new Attr(7, FileType.DIRECTORY, 0755, 0, 0, 1L, 2L, 3L, 2, 0, 0, 1, 1);

    private static ByteBuf encode(Message m) {
        EmbeddedChannel out = new EmbeddedChannel(new MessageCodec(CM, CM));
        out.writeOutbound(m);
        return out.readOutbound();
    }

    private static void assertSurvives(Message m) {
        EmbeddedChannel in = new EmbeddedChannel(new MessageCodec(CM, CM));
        in.writeInbound(encode(m));
        assertThat((Object) in.readInbound()).usingRecursiveComparison().isEqualTo(m);
    }

    private static void assertCloses(ByteBuf frame) {
        EmbeddedChannel in = new EmbeddedChannel(new MessageCodec(CM, CM));
        in.writeInbound(frame);
        assertThat((Object) in.readInbound()).isNull();
        assertThat(in.isOpen()).isFalse();
    }

    @Test
    void scratchCallsSurviveTheWire() {
        assertSurvives(new ScratchCreateOpen(new CreateOpen(1, USER, 5, "tmp-1", 0644, 77)));
        assertSurvives(new ScratchOpenChunk(new WriteChunk(2, USER, 42, 3)));
        assertSurvives(new ScratchWriteChunkEnd(new WriteChunkEnd(3, 42, 3, 0x1234, 4096, Status.OK)));
        assertSurvives(new ScratchOpenChunk(new WriteChunk(2, USER, 42, 3)));
        assertSurvives(new NewChunkReply(new WriteChunkReply(2, Status.OK, 4096, 0x1234, 1,
                List.of(new ServerAddress("127.0.0.1", 9422)))));
        assertSurvives(new ReplyCounts(4));
        assertSurvives(new ReplyCountsReply(4, Status.OK, 10, 3));
    }

    @Test
    void createWithChunkAndPublishWithEndsSurviveTheWire() {
        assertSurvives(new ScratchCreateWrite(new CreateOpen(1, USER, 5, "tmp-2", 0644, 78)));
        WriteChunkReply chunk = new WriteChunkReply(1, Status.OK, 0, 0x99, 1, List.of(new ServerAddress("127.0.0.1",
                9422), new ServerAddress("127.0.0.1", 9423)));
        assertSurvives(new ScratchCreatedReply(1, Status.OK, ATTR, true, chunk));
        assertSurvives(new ScratchCreatedReply(1, Status.OK, ATTR, false,
                new WriteChunkReply(1, Status.NO_CHUNKSERVERS, 0, 0, 0, List.of())));
        assertSurvives(new ScratchCreatedReply(1, Status.EEXIST, null, false,
                new WriteChunkReply(1, Status.EEXIST, 0, 0, 0, List.of())));
        Publish p = new Publish(3, USER, 5, "tmp-2", 6, "key", "x", new byte[] {1, 2}, 9, 79, Publish.ANY_TARGET);
        assertSurvives(new PublishWritten(p, List.of(new WriteChunkEnd(3, 42, 0, 0x99, 4096, Status.OK),
                new WriteChunkEnd(3, 42, 1, 0x9a, 70_000_000, Status.OK))));
        assertSurvives(new PublishWritten(p, List.of()));
    }

    @Test
    void aPublishClaimingMoreEndsThanItCarriesClosesTheConnection() {
        Publish p = new Publish(3, USER, 5, "t", 6, "k", "x", new byte[0], 9, 79, Publish.ANY_TARGET);
        ByteBuf frame = encode(new PublishWritten(p, List.of(new WriteChunkEnd(3, 42, 0, 0x99, 4096, Status.OK))));
        // the end count is the u32 before the one 30-byte end: claim two
        int countAt = frame.writerIndex() - 30 - 4;
        frame.setInt(countAt, 2);
        assertCloses(frame);
    }

    @Test
    void releasesOfManyClosesSurviveTheWireAndAFalseCountClosesTheConnection() {
        assertSurvives(new ReleaseMany(1, List.of(42L, 42L, 7L), 99L));
        assertSurvives(new ReleaseMany(2, List.of(), 0L));
        ByteBuf frame = encode(new ReleaseMany(3, List.of(42L), 5L));
        // the count is the u32 before the one inode: claim two
        frame.setInt(frame.writerIndex() - 8 - 4, 2);
        assertCloses(frame);
        ByteBuf tooMany = encode(new ReleaseMany(4, List.of(42L), 6L));
        tooMany.setInt(tooMany.writerIndex() - 8 - 4, ReleaseMany.MAX_INODES + 1);
        assertCloses(tooMany);
    }

    @Test
    void everyChangeSurvivesTheWireWithItsDirectoriesAttributes() {
        assertSurvives(new WithDirAttrs(new Mknod(1, USER, 5, "f", FileType.FILE, 0644, 0, 11)));
        assertSurvives(new WithDirAttrs(new Mkdir(2, USER, 5, "d", 0755, 12)));
        assertSurvives(new WithDirAttrs(new Symlink(3, USER, 5, "l", "target", 13)));
        assertSurvives(new WithDirAttrs(new Link(4, USER, 42, 5, "hard", 14)));
        assertSurvives(new WithDirAttrs(new Unlink(5, USER, 5, "f", 15)));
        assertSurvives(new WithDirAttrs(new Rmdir(6, USER, 5, "d", 16)));
        assertSurvives(new WithDirAttrs(new Rename(7, USER, 5, "a", 6, "b", 17)));
        assertSurvives(new WithDirAttrs(new CreateOpen(10, USER, 5, "new", 0644, 18)));
        assertSurvives(new DirChangeReply(8, Status.OK, ATTR, DIR, null, List.of(42L, 43L)));
        assertSurvives(new DirChangeReply(9, Status.ENOENT, null, DIR, null, List.of()));
    }

    @Test
    void onlyNamespaceChangesCanBeWrapped() {
        assertThatThrownBy(() -> new WithDirAttrs(new Publish(1, USER, 5, "t", 6, "k", "x", new byte[0], 0, 1, Publish.ANY_TARGET)))
                .isInstanceOf(IllegalArgumentException.class);
        // a wrapper naming a type that is not a namespace change (here itself) is malformed, not decoded
        ByteBuf frame = encode(new WithDirAttrs(new Unlink(5, USER, 5, "f", 15)));
        int typeAt = 4 + 4 + 4;
        frame.setInt(typeAt, 1063);
        assertCloses(frame);
    }

    @Test
    void aCutChangeOrReplyClosesTheConnection() {
        ByteBuf change = encode(new WithDirAttrs(new Rename(7, USER, 5, "a", 6, "b", 17)));
        change.setInt(4, change.getInt(4) - 3);
        change.writerIndex(change.writerIndex() - 3);
        assertCloses(change);
        ByteBuf reply = encode(new DirChangeReply(8, Status.OK, ATTR, DIR, null, List.of(42L)));
        reply.setInt(4, reply.getInt(4) - 8);
        reply.writerIndex(reply.writerIndex() - 8);
        assertCloses(reply);
    }
}
