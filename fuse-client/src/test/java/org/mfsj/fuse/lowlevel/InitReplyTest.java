package org.mfsj.fuse.lowlevel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The INIT answer libfuse 2 writes, widened to ask the kernel for 1 MiB requests. */
class InitReplyTest {
    /** FUSE_ASYNC_READ | FUSE_BIG_WRITES, as libfuse 2 answers with big_writes. */
    private static final int LIBFUSE_FLAGS = 1 | 1 << 5;

    /** libfuse 2.9's answer: out header and the 24-byte fuse_init_out of protocol 7.19. */
    private static byte[] libfuseAnswer(int error, int maxWrite) {
        ByteBuffer b = ByteBuffer.allocate(16 + 24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 40).putInt(4, error).putLong(8, 77L);
        b.putInt(16, 7).putInt(20, 19).putInt(24, 131072).putInt(28, LIBFUSE_FLAGS);
        b.putShort(32, (short) 12).putShort(34, (short) 9).putInt(36, maxWrite);
        return b.array();
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void widensToTheCurrentLayoutWithMaxPagesWhenTheKernelOffersIt() {
        byte[] out = InitReply.widen(libfuseAnswer(0, 1 << 20), InitReply.FUSE_MAX_PAGES | 1);
        ByteBuffer o = le(out);
        assertThat(out).hasSize(16 + 64);
        assertThat(o.getInt(0)).as("length in the out header").isEqualTo(80);
        assertThat(o.getLong(8)).as("unique kept").isEqualTo(77L);
        assertThat(o.getInt(16)).isEqualTo(7);
        assertThat(o.getInt(20)).as("libfuse's minor kept").isEqualTo(19);
        assertThat(o.getInt(28)).isEqualTo(LIBFUSE_FLAGS | InitReply.FUSE_MAX_PAGES);
        assertThat(o.getShort(32)).as("max_background kept").isEqualTo((short) 12);
        assertThat(o.getInt(36)).isEqualTo(1 << 20);
        assertThat(o.getShort(16 + 28)).as("max_pages").isEqualTo((short) 256);
        for (int i = 16 + 30; i < out.length; i++) {
            assertThat(out[i]).as("byte %d", i).isZero();
        }
    }

    @Test
    void takesTheSetIdKillWhenTheKernelOffersIt() {
        int offered = InitReply.FUSE_MAX_PAGES | InitReply.FUSE_HANDLE_KILLPRIV_V2;
        assertThat(le(InitReply.widen(libfuseAnswer(0, 1 << 20), offered)).getInt(28))
                .isEqualTo(LIBFUSE_FLAGS | offered);
        assertThat(le(InitReply.widen(libfuseAnswer(0, 1 << 20), InitReply.FUSE_MAX_PAGES)).getInt(28))
                .as("not taken unless offered").isEqualTo(LIBFUSE_FLAGS | InitReply.FUSE_MAX_PAGES);
    }

    @Test
    void maxPagesFollowsLibfusesMaxWriteAndNeverPassesTheLimit() {
        assertThat(le(InitReply.widen(libfuseAnswer(0, 131072), InitReply.FUSE_MAX_PAGES)).getShort(44))
                .isEqualTo((short) 32);
        assertThat(le(InitReply.widen(libfuseAnswer(0, 5000), InitReply.FUSE_MAX_PAGES)).getShort(44))
                .isEqualTo((short) 2);
        assertThat(le(InitReply.widen(libfuseAnswer(0, -1), InitReply.FUSE_MAX_PAGES)).getShort(44))
                .isEqualTo((short) 256);
    }

    @Test
    void leavesTheAnswerAloneWhenTheKernelCannotTakeIt() {
        byte[] answer = libfuseAnswer(0, 1 << 20);
        assertThat(InitReply.widen(answer, 1 | 1 << 5)).isSameAs(answer);
    }

    @Test
    void leavesErrorsAndShortAnswersAlone() {
        byte[] error = libfuseAnswer(-71, 1 << 20);
        assertThat(InitReply.widen(error, InitReply.FUSE_MAX_PAGES)).isSameAs(error);
        byte[] tiny = new byte[16 + 8];
        assertThat(InitReply.widen(tiny, InitReply.FUSE_MAX_PAGES)).isSameAs(tiny);
    }

    @Test
    void readsTheOfferedFlagsFromTheInitRequest() {
        ByteBuffer req = ByteBuffer.allocate(40 + 16).order(ByteOrder.LITTLE_ENDIAN);
        req.putInt(0, 56).putInt(4, InitReply.FUSE_INIT).putInt(40, 7).putInt(44, 45).putInt(52, 0x12345678);
        assertThat(InitReply.offeredFlags(req.order(ByteOrder.BIG_ENDIAN), 56)).isEqualTo(0x12345678);
        assertThat(InitReply.offeredFlags(req, 50)).isZero();
    }
}
