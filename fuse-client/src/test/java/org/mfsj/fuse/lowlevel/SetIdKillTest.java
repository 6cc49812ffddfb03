package org.mfsj.fuse.lowlevel;

import static org.assertj.core.api.Assertions.assertThat;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.junit.jupiter.api.Test;

/** The kill flags read from raw requests, laid out as the kernel writes them. */
class SetIdKillTest {
    private static Pointer request(int opcode, int at, int value, int len) {
        Pointer p = Memory.allocateDirect(Runtime.getSystemRuntime(), len, true);
        p.putInt(0, len);
        p.putInt(InitReply.IN_OPCODE, opcode);
        p.putInt(at, value);
        return p;
    }

    @Test
    void aWriteAsksThroughItsWriteFlags() {
        // fuse_write_in is 40 bytes after the 40-byte header; the data follows
        int len = 40 + 40 + 4096;
        assertThat(SetIdKill.asked(request(SetIdKill.FUSE_WRITE, 60, 1 << 2, len), len)).isTrue();
        assertThat(SetIdKill.asked(request(SetIdKill.FUSE_WRITE, 60, 1, len), len)).as("writepage only").isFalse();
        assertThat(SetIdKill.asked(request(SetIdKill.FUSE_WRITE, 60, 0, len), len)).isFalse();
    }

    @Test
    void aSetattrAsksThroughItsValidMask() {
        int len = 40 + 88;
        assertThat(SetIdKill.asked(request(SetIdKill.FUSE_SETATTR, 40, 1 << 3 | 1 << 11, len), len)).isTrue();
        assertThat(SetIdKill.asked(request(SetIdKill.FUSE_SETATTR, 40, 1 << 3, len), len)).isFalse();
    }

    @Test
    void otherRequestsAndShortOnesNever() {
        int len = 40 + 88;
        // FUSE_GETATTR (3) with the same bit where a setattr's valid would be
        assertThat(SetIdKill.asked(request(3, 40, 1 << 11, len), len)).isFalse();
        assertThat(SetIdKill.asked(request(SetIdKill.FUSE_WRITE, 60, 1 << 2, 64), 60)).isFalse();
    }

    @Test
    void onlyAWorkerCarriesTheAnswer() throws Exception {
        assertThat(FuseWorker.killsSetIds()).as("a thread that is not a FUSE worker").isFalse();
        boolean[] seen = new boolean[2];
        FuseWorker w = new FuseWorker(() -> {
            ((FuseWorker) Thread.currentThread()).reading(true);
            seen[0] = FuseWorker.killsSetIds();
            ((FuseWorker) Thread.currentThread()).reading(false);
            seen[1] = FuseWorker.killsSetIds();
        }, "test-worker");
        w.start();
        w.join();
        assertThat(seen).containsExactly(true, false);
    }
}
