package org.mfsj.nfs.v4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.types.Creds;
import org.mfsj.nfs.XdrReader;

/** LOCK, LOCKT and LOCKU over the client's (the master's) lock table. */
class Nfs4LockTest extends Nfs4TestBase {
    static final int WRITE_LT = 2;

    static Op lockNew(int type, long off, long len, byte[] openSid, String owner) {
        return op(12, out -> {
            out.xdrEncodeInt(type);
            out.xdrEncodeBoolean(false);
            out.xdrEncodeLong(off);
            out.xdrEncodeLong(len);
            out.xdrEncodeBoolean(true);
            out.xdrEncodeInt(0);
            stateid(out, openSid);
            out.xdrEncodeInt(0);
            out.xdrEncodeLong(0);
            out.xdrEncodeString(owner);
        });
    }

    static Op lockt(int type, long off, long len, String owner) {
        return op(13, out -> {
            out.xdrEncodeInt(type);
            out.xdrEncodeLong(off);
            out.xdrEncodeLong(len);
            out.xdrEncodeLong(0);
            out.xdrEncodeString(owner);
        });
    }

    static Op locku(byte[] lockSid, long off, long len) {
        return op(14, out -> {
            out.xdrEncodeInt(WRITE_LT);
            out.xdrEncodeInt(0);
            stateid(out, lockSid);
            out.xdrEncodeLong(off);
            out.xdrEncodeLong(len);
        });
    }


    @Test
    void conflictingLocksAreDeniedUntilUnlocked() throws Exception {
        byte[] root = rootFh();
        byte[][] fh = new byte[1][];
        byte[] openA = open(root, "locked", true, 3, 0, "open-a", fh);
        byte[] openB = open(root, "locked", false, 3, 0, "open-b", fh);
        XdrReader a = seqCall(putfh(fh[0]), lockNew(WRITE_LT, 0, 100, openA, "lock-a"));
        result(a, PUTFH);
        assertThat(result(a, 12)).isZero();
        byte[] lockA = a.fixed(16);

        XdrReader b = seqCall(putfh(fh[0]), lockNew(WRITE_LT, 50, 10, openB, "lock-b"));
        result(b, PUTFH);
        assertThat(result(b, 12)).isEqualTo(Nfs4.ERR_DENIED);
        assertThat(b.l()).as("denied offset").isZero();
        assertThat(b.l()).as("denied length").isEqualTo(100);
        assertThat(b.i()).isEqualTo(WRITE_LT);
        b.l();
        b.opaque();
        b.end();
        assertThat(gw.fs.testLock(gw.fs.lookup(org.mfsj.common.types.Creds.ROOT, gw.fs.rootInode(), "locked").inode(),
                LockFlavor.POSIX, LockType.WRITE, 0, 0, 999)).as("held where everyone sees it").isPresent();

        assertThat(status(putfh(fh[0]), lockt(WRITE_LT, 99, 1, "lock-b"))).isEqualTo(Nfs4.ERR_DENIED);
        assertThat(status(putfh(fh[0]), lockt(WRITE_LT, 100, 1, "lock-b"))).isZero();
        assertThat(status(putfh(fh[0]), lockt(WRITE_LT, 0, -1, "lock-a"))).as("own locks do not conflict").isZero();

        XdrReader u = seqCall(putfh(fh[0]), locku(lockA, 0, 100));
        result(u, PUTFH);
        assertThat(result(u, 14)).isZero();
        byte[] after = u.fixed(16);
        assertThat(status(putfh(fh[0]), locku(lockA, 0, 100))).as("the old lock stateid").isEqualTo(Nfs4.ERR_OLD_STATEID);
        assertThat(status(putfh(fh[0]), lockNew(WRITE_LT, 50, 10, openB, "lock-b"))).isZero();
        assertThat(status(putfh(fh[0]), locku(after, 0, 100))).isZero();
    }

    @Test
    void closeReleasesTheLocksOfItsOpen() throws Exception {
        byte[] root = rootFh();
        byte[][] fh = new byte[1][];
        byte[] openA = open(root, "f", true, 3, 0, "open-a", fh);
        byte[] openB = open(root, "f", false, 3, 0, "open-b", fh);
        assertThat(status(putfh(fh[0]), lockNew(WRITE_LT, 0, -1, openA, "lock-a"))).isZero();
        assertThat(status(putfh(fh[0]), lockt(WRITE_LT, 0, 1, "lock-b"))).isEqualTo(Nfs4.ERR_DENIED);
        assertThat(status(putfh(fh[0]), op(CLOSE, out -> {
            out.xdrEncodeInt(0);
            stateid(out, openA);
        }))).isZero();
        assertThat(status(putfh(fh[0]), lockNew(WRITE_LT, 0, 1, openB, "lock-b"))).isZero();
    }

    /** A client that vanishes keeps nothing: once its lease runs out the master forgets its locks. */
    @Test
    void anExpiredLeaseReleasesTheClientsLocksAtTheMaster() throws Exception {
        long inode = lockedFile("leased");
        LeaseReaper reaper = new LeaseReaper(gw.server.nfs4State(), gw.fs);
        reaper.run();
        assertThat(gw.fs.testLock(inode, LockFlavor.POSIX, LockType.WRITE, 0, 0, 999)).as("within the lease")
                .isPresent();
        clock.advance(Duration.ofSeconds(gw.server.nfs4State().leaseSeconds() + 1));
        reaper.run();
        assertThat(gw.fs.testLock(inode, LockFlavor.POSIX, LockType.WRITE, 0, 0, 999)).as("after the lease")
                .isEmpty();
        assertThat(result(call(sequence(session, ++seq, 0)), SEQUENCE)).as("the client's session went with it")
                .isEqualTo(Nfs4.ERR_BADSESSION);
    }

    /** A client back from a reboot (same owner, new verifier) replaces its old record, locks and all. */
    @Test
    void aRebootedClientsOldLocksAreReleasedAtTheMaster() throws Exception {
        long inode = lockedFile("rebooted");
        createSession(exchangeId("test-client", 2), 1);
        new LeaseReaper(gw.server.nfs4State(), gw.fs).run();
        assertThat(gw.fs.testLock(inode, LockFlavor.POSIX, LockType.WRITE, 0, 0, 999)).isEmpty();
    }

    /** Creates {@code name}, opens it and write-locks bytes 0..99 as this test's client; its inode. */
    private long lockedFile(String name) throws Exception {
        byte[][] fh = new byte[1][];
        byte[] open = open(rootFh(), name, true, 3, 0, "open-a", fh);
        assertThat(status(putfh(fh[0]), lockNew(WRITE_LT, 0, 100, open, "lock-a"))).isZero();
        return gw.fs.lookup(Creds.ROOT, gw.fs.rootInode(), name).inode();
    }

    @Test
    void badLockArguments() throws Exception {
        byte[] root = rootFh();
        byte[][] fh = new byte[1][];
        byte[] openA = open(root, "g", true, 3, 0, "open-a", fh);
        assertThat(status(putfh(fh[0]), lockNew(WRITE_LT, 0, 0, openA, "l"))).isEqualTo(Nfs4.ERR_INVAL);
        assertThat(status(putfh(fh[0]), locku(new byte[] {0, 0, 0, 1, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9}, 0, 1)))
                .isEqualTo(Nfs4.ERR_BAD_STATEID);
        assertThat(status(putfh(root), lockt(WRITE_LT, 0, 1, "l"))).isEqualTo(Nfs4.ERR_ISDIR);
    }
}
