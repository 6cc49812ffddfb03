package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.client2master.AppendChunks;
import org.mfsj.common.wire.client2master.ChangeVoters;
import org.mfsj.common.wire.client2master.ChangeVotersReply;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.CreateOpen;
import org.mfsj.common.wire.client2master.LookupObject;
import org.mfsj.common.wire.client2master.LookupObjectReply;
import org.mfsj.common.wire.client2master.MasterRole;
import org.mfsj.common.wire.client2master.MasterRoleReply;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.common.wire.client2master.ReadFence;
import org.mfsj.common.wire.client2master.ReadSession;
import org.mfsj.common.wire.client2master.ReadsServed;
import org.mfsj.common.wire.client2master.TransferLeader;
import org.mfsj.common.wire.client2master.TransferLeaderReply;
import org.mfsj.common.wire.client2master.VersionNotice;
import org.mfsj.common.wire.client2master.WatchVersions;
import org.mfsj.common.wire.master2follower.AppendEntries;
import org.mfsj.common.wire.master2follower.AppendReply;
import org.mfsj.common.wire.master2follower.FollowerHello;
import org.mfsj.common.wire.master2follower.FollowerProtocol;
import org.mfsj.common.wire.master2follower.ImagePart;
import org.mfsj.common.wire.master2follower.ImageReply;
import org.mfsj.common.wire.master2follower.PreVote;
import org.mfsj.common.wire.master2follower.PreVoteReply;
import org.mfsj.common.wire.master2follower.RequestVote;
import org.mfsj.common.wire.master2follower.TimeoutNow;
import org.mfsj.common.wire.master2follower.VoteReply;

/** The master<->follower family and the object calls: each survives the wire, and a cut frame closes it. */
class HaAndObjectCallsCodecTest {
    private static final MessageFamily CM = ClientMasterProtocol.FAMILY;
    private static final MessageFamily MF = FollowerProtocol.FAMILY;
    private static final Creds USER = new Creds(1000, 100, new int[] {4});

    private static ByteBuf encode(MessageFamily f, Message m) {
        EmbeddedChannel out = new EmbeddedChannel(new MessageCodec(f, f));
        out.writeOutbound(m);
        return out.readOutbound();
    }

    private static void assertSurvives(MessageFamily f, Message m) {
        EmbeddedChannel in = new EmbeddedChannel(new MessageCodec(f, f));
        in.writeInbound(encode(f, m));
        // records holding arrays compare by content only this way
        assertThat((Object) in.readInbound()).usingRecursiveComparison().isEqualTo(m);
    }

    /** The frame of {@code m} cut {@code cut} bytes short, length field included. */
    private static void assertCutFrameCloses(MessageFamily f, Message m, int cut) {
        ByteBuf frame = encode(f, m);
        frame.setInt(4, frame.getInt(4) - cut);
        frame.writerIndex(frame.writerIndex() - cut);
        EmbeddedChannel in = new EmbeddedChannel(new MessageCodec(f, f));
        in.writeInbound(frame);
        assertThat((Object) in.readInbound()).isNull();
        assertThat(in.isOpen()).isFalse();
    }

    @Test
    void followerMessagesSurviveTheWire() {
        AppendEntries append = new AppendEntries(1, 7, 2, "127.0.0.1:9421", 100, 6, 99,
                List.of(new AppendEntries.Entry(6, new byte[] {1, 2, 3}), new AppendEntries.Entry(7, new byte[0])));
        assertSurvives(MF, append);
        assertSurvives(MF, new AppendEntries(2, 7, 2, "", 102, 7, 101, List.of()));
        assertSurvives(MF, new AppendReply(3, 7, 3, true, 102, 102));
        assertSurvives(MF, new RequestVote(4, 8, 3, 102, 7));
        assertSurvives(MF, new RequestVote(5, 9, 3, 102, 7, true));
        assertSurvives(MF, new VoteReply(5, 8, 1, false));
        assertSurvives(MF, new PreVote(6, 9, 3, 102, 7));
        assertSurvives(MF, new PreVoteReply(7, 8, 1, 9, true));
        assertSurvives(MF, new ImagePart(6, 8, 2, "h:1", 5000, 7, 1 << 20, 1234L, 65536, 99, new byte[] {4, 5}));
        assertSurvives(MF, new ImageReply(7, 8, 3, 5000, 131072, false));
        assertSurvives(MF, new TimeoutNow(0, 8, 1));
        assertSurvives(MF, new FollowerHello(0, 8, 3, "127.0.0.1:9521"));
    }

    @Test
    void handOverAndFollowerReadCallsSurviveTheWire() {
        assertSurvives(CM, new TransferLeader(1, "127.0.0.1:9521", 10_000));
        assertSurvives(CM, new TransferLeader(2, "", 0));
        assertSurvives(CM, new TransferLeaderReply(1, Status.OK, "127.0.0.1:9521", "stands for election now"));
        assertSurvives(CM, new TransferLeaderReply(2, Status.ENOENT, "", "not a voter"));
        assertSurvives(CM, new ChangeVoters(3, true, "127.0.0.1:9523", 60_000));
        assertSurvives(CM, new ChangeVoters(4, false, "h:9423", 0));
        assertSurvives(CM, new ChangeVotersReply(3, Status.OK, "h:1,h:2,h:3", "voters now h:1, h:2, h:3"));
        assertSurvives(CM, new ChangeVotersReply(4, Status.EAGAIN, "", "a change is under way"));
        assertSurvives(CM, new ReadSession(3, "it", "/sub", new byte[] {9, 8}));
        assertSurvives(CM, new WatchVersions(4));
        assertSurvives(CM, new VersionNotice(0, 1L << 40));
        assertSurvives(CM, new ReadFence(0, 77));
        assertSurvives(CM, new ReadsServed(5));
    }

    @Test
    void aCutHandOverOrReadSessionFrameClosesTheConnection() {
        assertCutFrameCloses(CM, new TransferLeader(1, "127.0.0.1:9521", 10_000), 3);
        assertCutFrameCloses(CM, new ReadSession(3, "it", "/sub", new byte[] {9, 8}), 1);
        assertCutFrameCloses(MF, new FollowerHello(0, 8, 3, "h:1"), 2);
    }

    @Test
    void aCutFollowerFrameClosesTheConnection() {
        AppendEntries append = new AppendEntries(1, 7, 2, "h:1", 100, 6, 99,
                List.of(new AppendEntries.Entry(6, new byte[] {1, 2, 3, 4})));
        assertCutFrameCloses(MF, append, 2);
        assertCutFrameCloses(MF, new VoteReply(5, 8, 1, true), 1);
        assertCutFrameCloses(MF, new ImagePart(6, 8, 2, "h:1", 5000, 7, 10, 1L, 0, 1, new byte[] {1, 2, 3}), 2);
    }

    @Test
    void objectCallsAndTheRoleCallSurviveTheWire() {
        Attr attr = new Attr(42, FileType.FILE, 0644, 1000, 100, 1L, 2L, 3L, 1, 4096, 0, 2, 1);
        assertSurvives(CM, new CreateOpen(1, USER, 5, "part.tmp", 0644, 77));
        assertSurvives(CM, new LookupObject(2, USER, 5, "key", "user.s3.meta", true));
        assertSurvives(CM, new LookupObjectReply(2, Status.OK, attr, new byte[] {9, 8}, true));
        assertSurvives(CM, new LookupObjectReply(2, Status.OK, attr, null, true, 77L, 3,
                List.of(new ServerAddress("127.0.0.1", 9422), new ServerAddress("127.0.0.2", 9423))));
        assertSurvives(CM, new Publish(3, USER, 6, "tmp", 5, "key", "user.s3.meta", new byte[] {1}, 123L, 78, 42L));
        assertSurvives(CM, new Publish(3, USER, 6, "tmp", 5, "key", "user.s3.meta", new byte[] {1}, 123L, 78, 42L,
                4, "a/ünï/c"));
        assertSurvives(CM, new AppendChunks(4, USER, 42, List.of(43L, 44L), 79));
        assertSurvives(CM, new MasterRole(5));
        assertSurvives(CM, new MasterRoleReply(5, Status.OK, "leader", 3, 1000, 999, "127.0.0.1:9421"));
        assertSurvives(CM, new MasterRoleReply(6, Status.OK, "follower", 3, 10, 9, "h:1",
                "installing image of version 5000: 65536/131072 bytes (50%)", "h:2,h:3,h:4"));
    }

    @Test
    void aCutObjectCallClosesTheConnection() {
        assertCutFrameCloses(CM, new Publish(3, USER, 6, "tmp", 5, "key", "user.s3.meta", new byte[] {1, 2}, 1L, 2, Publish.NO_TARGET),
                3);
        assertCutFrameCloses(CM, new AppendChunks(4, USER, 42, List.of(43L, 44L), 79), 9);
        // into the path its directory was found by, and without it
        Publish found = new Publish(3, USER, 6, "tmp", 5, "key", "x", new byte[0], 1L, 2, -1, 4, "a/b");
        assertCutFrameCloses(CM, found, 1);
        assertCutFrameCloses(CM, found, 2 + 3);
    }

    /** A path to check needs the inode it starts at, and no empty name; a publish otherwise is refused whole. */
    @Test
    void aPublishWithABadPathToCheckClosesTheConnection() {
        for (String path : new String[] {"/a", "a/", "a//b"}) {
            assertThatThrownBy(() -> new Publish(3, USER, 6, "tmp", 5, "key", "x", new byte[0], 1L, 2, -1, 4, path))
                    .as(path).isInstanceOf(MalformedMessageException.class);
        }
        assertThatThrownBy(() -> new Publish(3, USER, 6, "tmp", 5, "key", "x", new byte[0], 1L, 2, -1, 0, "a"))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> new Publish(3, USER, 6, "tmp", 5, "key", "x", new byte[0], 1L, 2, -1, 4, ""))
                .isInstanceOf(MalformedMessageException.class);
        // a base of 0 on the wire with a path: the path's last byte made the base's (both are at the frame's end)
        ByteBuf frame = encode(CM, new Publish(3, USER, 6, "tmp", 5, "key", "x", new byte[0], 1L, 2, -1, 4, "a"));
        frame.setLong(frame.writerIndex() - 2 - 1 - 8, 0);
        EmbeddedChannel in = new EmbeddedChannel(new MessageCodec(CM, CM));
        in.writeInbound(frame);
        assertThat((Object) in.readInbound()).isNull();
        assertThat(in.isOpen()).isFalse();
    }
}
