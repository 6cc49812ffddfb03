package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.client2master.ReportOpens;
import org.mfsj.common.wire.client2master.ReportOpens.OpenCount;

/** ReportOpens survives the wire, one too many files is refused, and the new status has its code. */
class ReportOpensCodecTest {
    @Test
    void aReportSurvivesTheWire() {
        ReportOpens r = new ReportOpens(9, List.of(new OpenCount(42, 1), new OpenCount(1L << 40, 3)));
        assertThat(CodecFrames.decoded(CodecFrames.frameOf(r))).isEqualTo(r);
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
        return CodecFrames.frameOf(r);
    }

    private static void assertCloses(ByteBuf frame) {
        CodecFrames.assertCloses(frame);
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
