package org.mfsj.nfs.v4.state;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** stateid4: a sequence number and 12 opaque bytes naming the state. */
public record StateId(int seqid, byte[] other) {
    public static final StateId ANONYMOUS = new StateId(0, new byte[12]);
    public static final StateId READ_BYPASS = new StateId(-1, filled((byte) -1));
    /** NFSv4.1's "current stateid": the one the last operation of this COMPOUND made (RFC 8881 16.2.3.1.2). */
    public static final StateId CURRENT = new StateId(1, new byte[12]);

    public StateId {
        if (other.length != 12) {
            throw new IllegalArgumentException("stateid other of " + other.length + " bytes");
        }
    }

    /** The all-zero and all-one stateids: I/O outside any open, allowed for compatibility (RFC 8881 8.2.3). */
    public boolean isSpecial() {
        return (seqid == 0 && Arrays.equals(other, ANONYMOUS.other))
                || (seqid == -1 && Arrays.equals(other, READ_BYPASS.other));
    }

    public boolean isCurrent() {
        return seqid == 1 && Arrays.equals(other, CURRENT.other);
    }

    public Key key() {
        return new Key(other);
    }

    public StateId next() {
        return new StateId(seqid + 1, other);
    }

    static StateId fresh(int boot, long counter) {
        return new StateId(1, ByteBuffer.allocate(12).putInt(boot).putLong(counter).array());
    }

    private static byte[] filled(byte b) {
        byte[] a = new byte[12];
        Arrays.fill(a, b);
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateId s && s.seqid == seqid && Arrays.equals(s.other, other);
    }

    @Override
    public int hashCode() {
        return 31 * seqid + Arrays.hashCode(other);
    }

    /** Opaque bytes as a map key (sessions, state, owners). */
    public record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
