package org.mfsj.nfs.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.Random;
import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.junit.jupiter.api.Test;
import org.mfsj.nfs.RpcTestClient;

/** Malformed arguments get GARBAGE_ARGS (or a closed connection), never a crash or a wrong answer. */
class Nfs3GarbageTest extends Nfs3TestBase {

    void assertGarbage(int proc, RpcTestClient.Args args) {
        assertThatThrownBy(() -> nfs.call(proc, args)).isInstanceOf(OncRpcException.class)
                .hasMessageContaining("GARBAGE_ARGS");
    }

    @Test
    void truncatedArgumentsAreGarbage() throws Exception {
        assertGarbage(GETATTR, out -> out.xdrEncodeInt(28));
        assertGarbage(LOOKUP, out -> fh(out, root));
        assertGarbage(READ, out -> {
            fh(out, root);
            out.xdrEncodeInt(0);
        });
        assertGarbage(SETATTR, out -> {
            fh(out, root);
            out.xdrEncodeBoolean(true);
        });
        assertThat(getattr(root).i()).as("the connection still serves").isZero();
    }

    @Test
    void oversizedCountsAreGarbage() throws Exception {
        byte[] f = create(root, "f", 0644);
        assertGarbage(GETATTR, out -> out.xdrEncodeInt(65));
        assertGarbage(GETATTR, out -> out.xdrEncodeInt(-1));
        assertGarbage(LOOKUP, out -> {
            fh(out, root);
            out.xdrEncodeInt(Integer.MAX_VALUE);
        });
        assertGarbage(WRITE, out -> {
            fh(out, f);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(Integer.MAX_VALUE);
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(Integer.MAX_VALUE);
        });
        assertGarbage(SYMLINK, out -> {
            dirop(out, root, "l");
            sattr(out, -1);
            out.xdrEncodeInt(1 << 20);
        });
        assertThat(getattr(root).i()).isZero();
    }

    @Test
    void outOfRangeDiscriminantsAreGarbage() throws Exception {
        assertGarbage(SETATTR, out -> {
            fh(out, root);
            out.xdrEncodeInt(7);
        });
        assertGarbage(CREATE, out -> {
            dirop(out, root, "x");
            out.xdrEncodeInt(3);
        });
        assertGarbage(MKNOD, out -> {
            dirop(out, root, "x");
            out.xdrEncodeInt(99);
        });
        assertGarbage(LOOKUP, out -> {
            fh(out, root);
            out.xdrEncodeInt(2);
            out.xdrEncodeInt(0xc3280000);
        });
    }

    @Test
    void unknownProcedureIsProcUnavail() {
        assertThatThrownBy(() -> nfs.call(22)).isInstanceOf(OncRpcException.class)
                .hasMessageContaining("PROC_UNAVAIL");
    }

    @Test
    void randomBytesOnTheSocketDoNotHurtTheServer() throws Exception {
        Random rnd = new Random(7);
        for (int round = 0; round < 8; round++) {
            try (Socket s = new Socket(gw.server.nfsAddress().getAddress(), gw.server.nfsAddress().getPort())) {
                s.setSoTimeout(300);
                byte[] junk = new byte[4 + rnd.nextInt(200)];
                rnd.nextBytes(junk);
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeInt(0x80000000 | junk.length);
                out.write(junk);
                out.flush();
                s.shutdownOutput();
                try {
                    new DataInputStream(s.getInputStream()).readInt();
                } catch (IOException closedOrSilent) {
                    // a closed connection or no answer are both acceptable for junk
                }
            }
        }
        nfs.call(0).end();
        assertThat(getattr(root).i()).isZero();
    }
}
