package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/** Small client-side steps the master integration tests share. */
final class ClientCalls {
    private ClientCalls() {
    }

    /** A call that may fail with anything. */
    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }

    /** A new file {@code name} in {@code dir} holding {@code data}, forced to disk; its inode. */
    static long write(MfsClient c, long dir, String name, byte[] data) throws MfsException {
        long inode = c.create(ClusterFixture.ROOT, dir, name, 0644).inode();
        try (FileHandle h = c.open(ClusterFixture.ROOT, inode, true)) {
            h.write(0, data, 0, data.length);
            h.fsync();
        }
        return inode;
    }

    /** The whole file behind {@code h}, as long as its attributes say it is. */
    static byte[] readAll(FileHandle h) throws MfsException {
        byte[] out = new byte[(int) h.getattr().length()];
        int off = 0;
        while (off < out.length) {
            int n = h.read(off, out, off, out.length - off);
            if (n <= 0) {
                break;
            }
            off += n;
        }
        return Arrays.copyOf(out, off);
    }

    /** The status a call ended with: OK, its MfsException's, or EIO for anything else. */
    static Status status(ThrowingCall call) {
        Throwable t = catchThrowable(call::run);
        return t instanceof MfsException e ? e.status() : t == null ? Status.OK : Status.EIO;
    }
}
