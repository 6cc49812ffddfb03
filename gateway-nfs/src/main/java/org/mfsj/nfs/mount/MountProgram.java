package org.mfsj.nfs.mount;

import java.io.IOException;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.mfsj.nfs.fs.Gateway;
import org.mfsj.nfs.rpc.CallArgs;
import org.mfsj.nfs.rpc.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MOUNT program 100005 version 3: the dispatch table. */
public final class MountProgram implements RpcDispatchable {
    private static final Logger LOG = LoggerFactory.getLogger(MountProgram.class);

    private final MountProcedure<?>[] table;

    public MountProgram(Gateway gateway, MountTable mounts) {
        table = new MountProcedure<?>[] {
            new MountNullProc(), new MntProc(gateway, mounts), new DumpProc(mounts), new UmntProc(mounts),
            new UmntAllProc(mounts), new ExportProc(gateway.exports())
        };
    }

    @Override
    public void dispatchOncRpcCall(RpcCall call) {
        int proc = call.getProcedure();
        if (proc < 0 || proc >= table.length) {
            call.failProcedureUnavailable();
            return;
        }
        run(table[proc], call);
    }

    private <A> void run(MountProcedure<A> p, RpcCall call) {
        Caller caller = Caller.of(call);
        LOG.debug("mount {} proc {}", caller, call.getProcedure());
        A args;
        try {
            args = CallArgs.read(call, p::decode);
        } catch (IOException e) {
            LOG.warn("mount {} proc {}: garbage arguments: {}", caller, call.getProcedure(), e.getMessage());
            call.failRpcGarbage();
            return;
        }
        try {
            call.reply(p.run(caller, args));
        } catch (RuntimeException e) {
            LOG.error("mount {} proc {}: failed", caller, call.getProcedure(), e);
            call.failRpcSystem();
        }
    }
}
