package org.mfsj.nfs.v4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.Creds;

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
