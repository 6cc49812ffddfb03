package org.mfsj.nfs.v4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mfsj.common.types.Creds;
import org.mfsj.nfs.XdrReader;

/**
 * What one COMPOUND carries from one operation to the next beyond the file handle: NFSv4.1's
 * "current stateid" (OPEN then WRITE and CLOSE without a round trip, kept across SAVEFH and
 * RESTOREFH), VERIFY/NVERIFY guards, and SECINFO (found by running pynfs against the gateway).
 */
class Nfs4CompoundStateTest extends Nfs4TestBase {
    private static final int NVERIFY = 17;
    private static final int SECINFO = 33;
    private static final int VERIFY = 37;
    private static final int LOCK = 12;
    private static final int LOCKU = 14;
    private static final int SIZE = 4;
    /** seqid 1, other all zeros: "the stateid the last operation made" (RFC 8881 8.2.3). */
    private static final byte[] CURRENT = {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    @Test
    void theCurrentStateidIsTheOneTheLastOpenOrLockMade() throws Exception {
        byte[] root = rootFh();
        byte[] data = "one compound".getBytes();
        assertThat(status(putfh(root), openOp("f", true, Nfs4OpenTest.BOTH, 0, "o"),
                Nfs4OpenTest.write(CURRENT, 0, data, 2), op(SAVEFH), putfh(root), op(RESTOREFH),
                Nfs4OpenTest.close(CURRENT))).isZero();
        assertThat(gw.fs.lookup(Creds.ROOT, gw.fs.rootInode(), "f").length()).isEqualTo(data.length);

        XdrReader r = seqCall(putfh(root), openOp("f", false, Nfs4OpenTest.BOTH, 0, "o"), lock(CURRENT),
                unlock(CURRENT), Nfs4OpenTest.close(CURRENT));
        assertThat(result(r, PUTFH)).isZero();
        assertThat(result(r, OPEN)).isZero();
        org.mfsj.nfs.Nfs4Replies.openOk(r);
        assertThat(result(r, LOCK)).as("LOCK under the open's stateid").isZero();
        r.fixed(16);
        assertThat(result(r, LOCKU)).as("LOCKU under the lock's").isZero();
        r.fixed(16);
        assertThat(result(r, CLOSE)).as("the current stateid is the lock's now").isEqualTo(Nfs4.ERR_BAD_STATEID);
        assertThat(status(putfh(root), Nfs4OpenTest.close(CURRENT))).as("no stateid made yet")
                .isEqualTo(Nfs4.ERR_BAD_STATEID);
        assertThat(status(putfh(root), openOp("f", false, Nfs4OpenTest.BOTH, 0, "p"), putfh(root),
                Nfs4OpenTest.close(CURRENT))).as("a new file handle drops it").isEqualTo(Nfs4.ERR_BAD_STATEID);
    }

    @Test
    void verifyAndNverifyCompareAsGetattrEncodes() throws Exception {
        byte[] root = rootFh();
        byte[][] fh = new byte[1][];
        byte[] sid = open(root, "v", true, Nfs4OpenTest.BOTH, 0, "o", fh);
        assertThat(status(putfh(fh[0]), Nfs4OpenTest.write(sid, 0, new byte[5], 2))).isZero();
        assertThat(status(putfh(fh[0]), sizeIs(VERIFY, 5), getattr(SIZE))).isZero();
        assertThat(status(putfh(fh[0]), sizeIs(VERIFY, 6), getattr(SIZE))).isEqualTo(Nfs4.ERR_NOT_SAME);
        assertThat(status(putfh(fh[0]), sizeIs(NVERIFY, 6), getattr(SIZE))).isZero();
        assertThat(status(putfh(fh[0]), sizeIs(NVERIFY, 5), getattr(SIZE))).isEqualTo(Nfs4.ERR_SAME);
        assertThat(status(putfh(fh[0]), op(VERIFY, out -> {
            bitmap(out, 54);
            out.xdrEncodeInt(0);
        }))).as("time_modify_set is write-only").isEqualTo(Nfs4.ERR_INVAL);
    }

    @Test
    void secinfoNamesAuthSysForANameThatExists() throws Exception {
        byte[] root = rootFh();
        gw.fs.mkdir(Creds.ROOT, gw.fs.rootInode(), "d", 0755);
        XdrReader r = seqCall(putfh(root), op(SECINFO, out -> out.xdrEncodeString("d")));
        assertThat(result(r, PUTFH)).isZero();
        assertThat(result(r, SECINFO)).isZero();
        assertThat(r.i()).as("flavours").isEqualTo(1);
        assertThat(r.i()).as("AUTH_SYS").isEqualTo(1);
        assertThat(status(putfh(root), op(SECINFO, out -> out.xdrEncodeString("missing"))))
                .isEqualTo(Nfs4.ERR_NOENT);
        assertThat(status(putfh(root), op(SECINFO, out -> out.xdrEncodeString("d")), op(GETFH)))
                .as("SECINFO consumes the file handle").isEqualTo(Nfs4.ERR_NOFILEHANDLE);
        assertThat(status(putfh(root), op(SECINFO_NO_NAME, out -> out.xdrEncodeInt(1))))
                .as("the parent of the root").isEqualTo(Nfs4.ERR_NOENT);
    }

    private static Op sizeIs(int opcode, long size) {
        return op(opcode, out -> {
            bitmap(out, SIZE);
            out.xdrEncodeInt(8);
            out.xdrEncodeLong(size);
        });
    }

    /** LOCK of bytes 0-9 for a new lock owner, under the open stateid given. */
    private static Op lock(byte[] openSid) {
        return op(LOCK, out -> {
            out.xdrEncodeInt(2);
            out.xdrEncodeBoolean(false);
            out.xdrEncodeLong(0);
            out.xdrEncodeLong(10);
            out.xdrEncodeBoolean(true);
            out.xdrEncodeInt(0);
            stateid(out, openSid);
            out.xdrEncodeInt(0);
            out.xdrEncodeLong(0);
            out.xdrEncodeString("locker");
        });
    }

    private static Op unlock(byte[] lockSid) {
        return op(LOCKU, out -> {
            out.xdrEncodeInt(2);
            out.xdrEncodeInt(0);
            stateid(out, lockSid);
            out.xdrEncodeLong(0);
            out.xdrEncodeLong(10);
        });
    }
}
