package org.mfsj.nfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads a reply body field by field; running past its end fails the test. */
public final class XdrReader {
    private final ByteBuffer in;

    public XdrReader(byte[] body) {
        this.in = ByteBuffer.wrap(body);
    }

    public int i() {
        return in.getInt();
    }

    public long l() {
        return in.getLong();
    }

    public boolean b() {
        int v = in.getInt();
        assertThat(v).as("bool").isIn(0, 1);
        return v == 1;
    }

    public byte[] fixed(int n) {
        byte[] b = new byte[n];
        in.get(b);
        in.position(in.position() + ((4 - (n & 3)) & 3));
        return b;
    }

    public byte[] opaque() {
        return fixed(in.getInt());
    }

    public String str() {
        return new String(opaque(), StandardCharsets.UTF_8);
    }

    /** Every byte of the reply, whatever has been read. */
    public byte[] bytes() {
        return in.array().clone();
    }

    public int remaining() {
        return in.remaining();
    }

    /** fattr3 as the tests look at it. */
    public record Fattr(int type, int mode, int nlink, int uid, int gid, long size, long used, int major, int minor,
                        long fsid, long fileid, long atimeSec, int atimeNsec, long mtimeSec, int mtimeNsec,
                        long ctimeSec, int ctimeNsec) {
    }

    public Fattr fattr() {
        return new Fattr(i(), i(), i(), i(), i(), l(), l(), i(), i(), l(), l(),
                Integer.toUnsignedLong(i()), i(), Integer.toUnsignedLong(i()), i(), Integer.toUnsignedLong(i()), i());
    }

    /** post_op_attr: null when absent. */
    public Fattr postOp() {
        return b() ? fattr() : null;
    }

    /** wcc_data; returns the after attributes. */
    public Fattr wcc() {
        if (b()) {
            l();
            i();
            i();
            i();
            i();
        }
        return postOp();
    }

    /** Asserts nothing is left unread: a reply has exactly the fields the RFC lists. */
    public void end() {
        assertThat(in.remaining()).as("bytes left in reply").isZero();
    }
}
