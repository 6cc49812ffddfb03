package org.mfsj.nfs.v4;

import java.io.IOException;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.mfsj.nfs.fs.Gateway;
import org.mfsj.nfs.rpc.CallArgs;
import org.mfsj.nfs.rpc.Caller;
import org.mfsj.nfs.rpc.XdrBytes;
import org.mfsj.nfs.v3.xdr.VoidReply3;
import org.mfsj.nfs.v4.state.Nfs4State;
import org.mfsj.nfs.v4.xdr.IdMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** NFS program 100003 version 4: NULL and COMPOUND. */
public final class Nfs4Program implements RpcDispatchable {
    private static final Logger LOG = LoggerFactory.getLogger(Nfs4Program.class);

    private final Gateway gateway;
    private final Nfs4State state;
    private final IdMapper ids;
    private final Compound compound = new Compound(Nfs4Ops.table());

    public Nfs4Program(Gateway gateway, Nfs4State state, IdMapper ids) {
        this.gateway = gateway;
        this.state = state;
        this.ids = ids;
    }

    @Override
    public void dispatchOncRpcCall(RpcCall call) throws IOException {
        Caller caller = Caller.of(call);
        switch (call.getProcedure()) {
            case 0 -> call.reply(VoidReply3.INSTANCE);
            case 1 -> {
                Compound.Request req;
                try {
                    req = CallArgs.read(call, compound::decode);
                } catch (IOException e) {
                    LOG.warn("nfs4 {}: garbage COMPOUND: {}", caller, e.getMessage());
                    call.failRpcGarbage();
                    return;
                }
                LOG.debug("nfs4 {} COMPOUND of {} ops", caller, req.ops().size());
                CompoundContext ctx = new CompoundContext(gateway, state, ids, caller, req.minorVersion());
                ctx.received(call.getXdr().asBuffer().limit(), req.ops().size());
                call.reply(XdrBytes.raw(compound.execute(req, ctx)));
            }
            default -> call.failProcedureUnavailable();
        }
    }
}
