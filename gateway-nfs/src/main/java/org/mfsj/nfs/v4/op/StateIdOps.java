package org.mfsj.nfs.v4.op;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.state.StateId;
import org.mfsj.nfs.v4.xdr.StateIds;

/** TEST_STATEID (55), FREE_STATEID (45) and DELEGRETURN (8): operations on stateids alone. */
public final class StateIdOps {
    private static final int MAX_TEST = 1024;

    private StateIdOps() {
    }

    /** TEST_STATEID: a status per stateid. */
    public static final class Test implements Nfs4Op<List<StateId>> {
        @Override
        public List<StateId> decode(XdrDecodingStream in) throws IOException {
            int n = XdrIn.length(in, MAX_TEST, "stateid list");
            List<StateId> ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ids.add(StateIds.decode(in));
            }
            return ids;
        }

        @Override
        public OpBody run(CompoundContext ctx, List<StateId> ids) throws Nfs4Exception {
            ctx.sessionClient();
            int[] codes = ids.stream().mapToInt(s -> ctx.state().test(s)).toArray();
            return out -> {
                out.xdrEncodeInt(codes.length);
                for (int c : codes) {
                    out.xdrEncodeInt(c);
                }
            };
        }
    }

    /** FREE_STATEID: nothing can be freed while its open is open (LOCKS_HELD). */
    public static final class Free implements Nfs4Op<StateId> {
        @Override
        public StateId decode(XdrDecodingStream in) throws IOException {
            return StateIds.decode(in);
        }

        @Override
        public OpBody run(CompoundContext ctx, StateId sid) throws Nfs4Exception {
            ctx.state().free(ctx.stateid(sid));
            return OpBody.EMPTY;
        }
    }

    /** DELEGRETURN: we never hand out delegations, so there is none to return. */
    public static final class DelegReturn implements Nfs4Op<StateId> {
        @Override
        public StateId decode(XdrDecodingStream in) throws IOException {
            return StateIds.decode(in);
        }

        @Override
        public OpBody run(CompoundContext ctx, StateId sid) throws Nfs4Exception {
            ctx.currentFh();
            throw new Nfs4Exception(Nfs4.ERR_BAD_STATEID, "no delegations are handed out");
        }
    }
}
