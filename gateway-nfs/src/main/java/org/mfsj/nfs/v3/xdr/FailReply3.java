package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * A failure reply: the status, then {@code absentWords} zero words. Every NFSv3 failure body is
 * made of optional attributes (post_op_attr, wcc_data), and "absent" is a zero word each, so one
 * shape serves every procedure.
 */
public record FailReply3(int status, int absentWords) implements Reply3 {
    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeInt(status);
        for (int i = 0; i < absentWords; i++) {
            out.xdrEncodeInt(0);
        }
    }
}
