package org.mfsj.nfs.v3;

import java.io.IOException;
import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Gateway;
import org.mfsj.nfs.rpc.CallArgs;
import org.mfsj.nfs.rpc.Caller;
import org.mfsj.nfs.v3.xdr.FailReply3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NFS program 100003 version 3: the dispatch table and the one place where failures become
 * replies. Undecodable arguments get GARBAGE_ARGS; a bug in a procedure gets NFS3ERR_SERVERFAULT
 * and a log line, never a dead worker.
 */
public final class Nfs3Program implements RpcDispatchable {
    private static final Logger LOG = LoggerFactory.getLogger(Nfs3Program.class);

    private final Gateway gateway;
    private final Nfs3Procedure<?>[] table;

    public Nfs3Program(Gateway gateway) {
        this.gateway = gateway;
        this.table = Nfs3Procedures.table();
    }

    @Override
    public void dispatchOncRpcCall(RpcCall call) throws OncRpcException, IOException {
        int proc = call.getProcedure();
        if (proc < 0 || proc >= table.length) {
            call.failProcedureUnavailable();
            return;
        }
        XdrAble reply = run(table[proc], call, Caller.of(call));
        if (reply != null) {
            call.reply(reply);
        }
    }

    /** The reply, or null when the call was already answered (garbage arguments). */
    private <A> XdrAble run(Nfs3Procedure<A> p, RpcCall call, Caller caller) throws IOException {
        A args;
        try {
            args = CallArgs.read(call, p::decode);
        } catch (IOException e) {
            LOG.warn("nfs3 {} proc {}: garbage arguments: {}", caller, call.getProcedure(), e.getMessage());
            call.failRpcGarbage();
            return null;
        }
        LOG.debug("nfs3 {} proc {}", caller, call.getProcedure());
        try {
            return p.run(new Nfs3Call(gateway, caller), args);
        } catch (Nfs3Exception e) {
            LOG.debug("nfs3 {} proc {}: {} {}", caller, call.getProcedure(), e.status(), e.getMessage());
            return new FailReply3(e.status(), p.failWords());
        } catch (MfsException e) {
            LOG.debug("nfs3 {} proc {}: {}", caller, call.getProcedure(), e.getMessage());
            return new FailReply3(Nfs3Status.of(e.status()), p.failWords());
        } catch (RuntimeException e) {
            LOG.error("nfs3 {} proc {}: failed", caller, call.getProcedure(), e);
            return new FailReply3(Nfs3.ERR_SERVERFAULT, p.failWords());
        }
    }
}
