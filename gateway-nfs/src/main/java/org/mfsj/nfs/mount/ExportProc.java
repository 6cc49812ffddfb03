package org.mfsj.nfs.mount;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.exports.ExportTable;
import org.mfsj.nfs.rpc.Caller;

/** EXPORT: every export with its client list (what showmount -e prints). */
public final class ExportProc implements MountProcedure<Void> {
    private final ExportTable exports;

    public ExportProc(ExportTable exports) {
        this.exports = exports;
    }

    @Override
    public Void decode(XdrDecodingStream in) {
        return null;
    }

    @Override
    public XdrAble run(Caller caller, Void args) {
        return MountReplies.exports(exports.all());
    }
}
