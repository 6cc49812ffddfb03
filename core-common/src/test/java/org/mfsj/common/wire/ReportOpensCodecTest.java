package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.ReportOpens;
import org.mfsj.common.wire.client2master.ReportOpens.OpenCount;

/** ReportOpens survives the wire, one too many files is refused, and the new status has its code. */
class ReportOpensCodecTest {
    private static final MessageFamily CM = ClientMasterProtocol.FAMILY;

    @Test
    void aReportSurvivesTheWire() {
        ReportOpens r = new ReportOpens(9, List.of(new OpenCount(42, 1), new OpenCount(1L << 40, 3)));
        EmbeddedChannel out = new EmbeddedChannel(new MessageCodec(CM, CM));
        out.writeOutbound(r);
        ByteBuf frame = out.readOutbound();
        EmbeddedChannel in = new EmbeddedChannel(new MessageCodec(CM, CM));
        in.writeInbound(frame);
        assertThat((Object) in.readInbound()).isEqualTo(r);
    }

    @Test
    void aReportWithAFalseOrOversizedCountClosesTheConnection() {
        // the count is the u32 before the one (u64 inode, u32 opens) entry
        ByteBuf falseCount = frameOf(new ReportOpens(3, List.of(new OpenCount(42, 1))));
        falseCount.setInt(falseCount.writerIndex() - 12 - 4, 2);
        assertCloses(falseCount);
        ByteBuf tooMany = frameOf(new ReportOpens(4, List.of(new OpenCount(42, 1))));
        tooMany.setInt(tooMany.writerIndex() - 12 - 4, ReportOpens.MAX_FILES + 1);
        assertCloses(tooMany);
    }

    private static ByteBuf frameOf(ReportOpens r) {
        EmbeddedChannel out = new EmbeddedChannel(new MessageCodec(CM, CM));
        out.writeOutbound(r);
        return out.readOutbound();
    }

    private static void assertCloses(ByteBuf frame) {
        EmbeddedChannel in = new EmbeddedChannel(new MessageCodec(CM, CM));
        in.writeInbound(frame);
        assertThat((Object) in.readInbound()).as("nothing decoded").isNull();
        assertThat(in.isOpen()).as("connection closed").isFalse();
    }

    @Test
    void aReportOfTooManyFilesIsRefusedBeforeItIsSent() {
        List<OpenCount> many = new ArrayList<>();
        for (int i = 0; i <= ReportOpens.MAX_FILES; i++) {
            many.add(new OpenCount(i + 1, 1));
        }
        assertThatThrownBy(() -> new ReportOpens(1, many)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copiesPendingHasItsOwnCodeAndReadsAsEioWhereItLeaks() {
        assertThat(Status.fromCode(112)).isEqualTo(Status.COPIES_PENDING);
        assertThat(Status.COPIES_PENDING.errno()).isEqualTo(5);
    }
}
