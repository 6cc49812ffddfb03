package org.mfsj.nfs.v4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.Creds;
import org.mfsj.nfs.XdrReader;

/** The grace period after a start: reclaims (CLAIM_PREVIOUS) only, then new opens only. */
class Nfs4GraceTest extends Nfs4TestBase {
    @Override
    Duration grace() {
        return Duration.ofSeconds(60);
    }

    static Op reclaim() {
        return op(OPEN, out -> {
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(0);
            out.xdrEncodeLong(0);
            out.xdrEncodeString("owner");
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(0);
        });
    }

    int status(Op... ops) throws Exception {
        Op[] all = new Op[ops.length + 1];
        all[0] = sequence(session, ++seq, 0);
        System.arraycopy(ops, 0, all, 1, ops.length);
        XdrReader r = compound(1, List.of(all));
        return r.i();
    }

    @Test
    void reclaimInGraceNewOpensAfter() throws Exception {
        gw.fs.create(Creds.ROOT, gw.fs.rootInode(), "held", 0644);
        byte[] root = rootFh();
        assertThat(status(putfh(root), openOp("held", false, 1, 0, "owner"))).isEqualTo(Nfs4.ERR_GRACE);
        assertThat(status(putfh(root), lookup("held"), reclaim())).isZero();
        clock.advance(Duration.ofSeconds(61));
        assertThat(status(putfh(root), lookup("held"), reclaim())).isEqualTo(Nfs4.ERR_NO_GRACE);
        assertThat(status(putfh(root), openOp("held", false, 1, 0, "owner"))).isZero();
    }

    @Test
    void noReclaimAfterReclaimComplete() throws Exception {
        gw.fs.create(Creds.ROOT, gw.fs.rootInode(), "held", 0644);
        byte[] root = rootFh();
        assertThat(status(op(RECLAIM_COMPLETE, out -> out.xdrEncodeBoolean(false)))).isZero();
        assertThat(status(putfh(root), lookup("held"), reclaim())).isEqualTo(Nfs4.ERR_NO_GRACE);
    }
}
