package org.mfsj.nfs.mount;

import java.util.List;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.nfs.exports.Export;

/** Encoders of MOUNT's replies: mountres3, mountlist and exports. */
final class MountReplies {
    private MountReplies() {
    }

    /** Encodes only. */
    interface Reply extends XdrAble {
        @Override
        default void xdrDecode(XdrDecodingStream in) {
            throw new UnsupportedOperationException("replies are encoded only");
        }
    }

    static Reply nothing() {
        return out -> {
        };
    }

    static Reply mountOk(byte[] fh) {
        return out -> {
            out.xdrEncodeInt(Mount.OK);
            out.xdrEncodeDynamicOpaque(fh);
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(Mount.AUTH_UNIX);
        };
    }

    static Reply mountFailed(int status) {
        return out -> out.xdrEncodeInt(status);
    }

    static Reply mountList(List<MountTable.Entry> mounts) {
        return out -> {
            for (MountTable.Entry e : mounts) {
                out.xdrEncodeBoolean(true);
                out.xdrEncodeString(e.host());
                out.xdrEncodeString(e.path());
            }
            out.xdrEncodeBoolean(false);
        };
    }

    static Reply exports(List<Export> exports) {
        return out -> {
            for (Export e : exports) {
                out.xdrEncodeBoolean(true);
                out.xdrEncodeString(e.path());
                encodeGroups(out, e);
            }
            out.xdrEncodeBoolean(false);
        };
    }

    private static void encodeGroups(XdrEncodingStream out, Export e) {
        e.clients().forEach(c -> {
            out.xdrEncodeBoolean(true);
            out.xdrEncodeString(c.text());
        });
        out.xdrEncodeBoolean(false);
    }
}
