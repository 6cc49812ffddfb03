package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.rpc.GarbageException;

/** sattr3, already in our terms: the change it asks for, and the mode to create with if any. */
public record Sattr3(SetAttrRequest change) {
    private static final int SERVER_TIME = 1;
    private static final int CLIENT_TIME = 2;

    public static Sattr3 decode(XdrDecodingStream in) throws IOException {
        int mask = 0;
        int mode = 0;
        int uid = 0;
        int gid = 0;
        long size = 0;
        if (XdrIn.bool(in)) {
            mask |= SetAttrMask.MODE;
            mode = in.xdrDecodeInt() & 07777;
        }
        if (XdrIn.bool(in)) {
            mask |= SetAttrMask.UID;
            uid = in.xdrDecodeInt();
        }
        if (XdrIn.bool(in)) {
            mask |= SetAttrMask.GID;
            gid = in.xdrDecodeInt();
        }
        if (XdrIn.bool(in)) {
            mask |= SetAttrMask.LENGTH;
            size = in.xdrDecodeLong();
            if (size < 0) {
                throw new GarbageException("size " + Long.toUnsignedString(size));
            }
        }
        long atime = 0;
        int how = XdrIn.choice(in, CLIENT_TIME, "time_how");
        if (how == SERVER_TIME) {
            mask |= SetAttrMask.ATIME_NOW;
        } else if (how == CLIENT_TIME) {
            mask |= SetAttrMask.ATIME;
            atime = Time3.decode(in);
        }
        long mtime = 0;
        how = XdrIn.choice(in, CLIENT_TIME, "time_how");
        if (how == SERVER_TIME) {
            mask |= SetAttrMask.MTIME_NOW;
        } else if (how == CLIENT_TIME) {
            mask |= SetAttrMask.MTIME;
            mtime = Time3.decode(in);
        }
        return new Sattr3(new SetAttrRequest(mask, mode, uid, gid, atime, mtime, size));
    }

    /** Only a mode, as a client creating a file sends. */
    public static Sattr3 mode(int mode) {
        return new Sattr3(new SetAttrRequest(SetAttrMask.MODE, mode, 0, 0, 0, 0, 0));
    }

    public void encode(XdrEncodingStream out) {
        int m = change.mask();
        encodeSet(out, m, SetAttrMask.MODE, () -> out.xdrEncodeInt(change.mode()));
        encodeSet(out, m, SetAttrMask.UID, () -> out.xdrEncodeInt(change.uid()));
        encodeSet(out, m, SetAttrMask.GID, () -> out.xdrEncodeInt(change.gid()));
        encodeSet(out, m, SetAttrMask.LENGTH, () -> out.xdrEncodeLong(change.length()));
        encodeTime(out, m, SetAttrMask.ATIME_NOW, SetAttrMask.ATIME, change.atimeNanos());
        encodeTime(out, m, SetAttrMask.MTIME_NOW, SetAttrMask.MTIME, change.mtimeNanos());
    }

    private static void encodeSet(XdrEncodingStream out, int mask, int bit, Runnable value) {
        out.xdrEncodeBoolean((mask & bit) != 0);
        if ((mask & bit) != 0) {
            value.run();
        }
    }

    private static void encodeTime(XdrEncodingStream out, int mask, int now, int given, long nanos) {
        if ((mask & now) != 0) {
            out.xdrEncodeInt(SERVER_TIME);
        } else if ((mask & given) != 0) {
            out.xdrEncodeInt(CLIENT_TIME);
            Time3.encode(out, nanos);
        } else {
            out.xdrEncodeInt(0);
        }
    }

    public boolean isEmpty() {
        return change.mask() == 0;
    }

    public boolean setsMode() {
        return (change.mask() & SetAttrMask.MODE) != 0;
    }

    /** The mode asked for, or {@code dflt}. */
    public int modeOr(int dflt) {
        return setsMode() ? change.mode() : dflt;
    }

    /** The rest of the change once the object exists with the mode already given at creation. */
    public SetAttrRequest withoutMode() {
        SetAttrRequest c = change;
        return new SetAttrRequest(c.mask() & ~SetAttrMask.MODE, 0, c.uid(), c.gid(), c.atimeNanos(),
                c.mtimeNanos(), c.length());
    }
}
