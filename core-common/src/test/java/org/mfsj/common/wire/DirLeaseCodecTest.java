package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.mfsj.common.wire.client2master.DirLease;
import org.mfsj.common.wire.client2master.DirLeaseRecall;

/** A directory lease and its recall survive the wire; an unknown operation or a short frame closes the connection. */
class DirLeaseCodecTest {
    @Test
    void everyOperationAndTheRecallSurviveTheWire() {
        for (DirLease.Op op : DirLease.Op.values()) {
            DirLease m = new DirLease(7, 1L << 40, op);
            assertThat(roundTrip(m)).isEqualTo(m);
        }
        DirLeaseRecall r = new DirLeaseRecall(0, 42);
        assertThat(roundTrip(r)).isEqualTo(r);
    }

    @Test
    void anUnknownOperationClosesTheConnection() {
        ByteBuf frame = frameOf(new DirLease(3, 42, DirLease.Op.RENEW));
        frame.setByte(frame.writerIndex() - 1, 9);
        assertCloses(frame);
    }

    @Test
    void aTruncatedLeaseOrRecallClosesTheConnection() {
        ByteBuf lease = frameOf(new DirLease(3, 42, DirLease.Op.EMPTY));
        // the length field says one byte less and the operation byte is cut off
        lease.setInt(4, lease.getInt(4) - 1);
        lease.writerIndex(lease.writerIndex() - 1);
        assertCloses(lease);
        ByteBuf recall = frameOf(new DirLeaseRecall(0, 42));
        recall.setInt(4, recall.getInt(4) - 4);
        recall.writerIndex(recall.writerIndex() - 4);
        assertCloses(recall);
    }

    private static Object roundTrip(Message m) {
        return CodecFrames.decoded(CodecFrames.frameOf(m));
    }

    private static ByteBuf frameOf(Message m) {
        return CodecFrames.frameOf(m);
    }

    private static void assertCloses(ByteBuf frame) {
        CodecFrames.assertCloses(frame);
    }
}
