package org.mfsj.nfs.v3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.mfsj.nfs.XdrReader;

/** NULL, GETATTR, SETATTR, ACCESS, FSSTAT, FSINFO, PATHCONF and what happens to bad handles. */
class Nfs3AttrTest extends Nfs3TestBase {

    @Test
    void nullAnswersEmpty() throws Exception {
        nfs.call(0).end();
    }

    @Test
    void getattrOfRootIsADirectory() throws Exception {
        XdrReader r = getattr(root);
        assertThat(r.i()).isZero();
        XdrReader.Fattr a = r.fattr();
        r.end();
        assertThat(a.type()).isEqualTo(Nfs3.DIR);
        assertThat(a.mode()).isEqualTo(0755);
        assertThat(a.fileid()).isEqualTo(gw.fs.rootInode());
        assertThat(a.fsid()).isEqualTo(gw.server.gateway().fsid());
    }

    @Test
    void setattrChangesModeSizeAndTimes() throws Exception {
        byte[] f = create(root, "f", 0644);
        write(f, 0, new byte[100], Nfs3.FILE_SYNC).i();
        XdrReader r = nfs.call(SETATTR, out -> {
            fh(out, f);
            out.xdrEncodeBoolean(true);
            out.xdrEncodeInt(0600);
            out.xdrEncodeBoolean(false);
            out.xdrEncodeBoolean(false);
            out.xdrEncodeBoolean(true);
            out.xdrEncodeLong(10);
            out.xdrEncodeInt(2);
            out.xdrEncodeInt(1000);
            out.xdrEncodeInt(5);
            out.xdrEncodeInt(2);
            out.xdrEncodeInt(2000);
            out.xdrEncodeInt(7);
            out.xdrEncodeBoolean(false);
        });
        assertThat(r.i()).isZero();
        XdrReader.Fattr after = r.wcc();
        r.end();
        assertThat(after.mode()).isEqualTo(0600);
        assertThat(after.size()).isEqualTo(10);
        assertThat(after.atimeSec()).isEqualTo(1000);
        assertThat(after.atimeNsec()).isEqualTo(5);
        assertThat(after.mtimeSec()).isEqualTo(2000);
        assertThat(after.mtimeNsec()).isEqualTo(7);
    }

    @Test
    void setattrWithAStaleGuardChangesNothing() throws Exception {
        byte[] f = create(root, "g", 0644);
        XdrReader r = nfs.call(SETATTR, out -> {
            fh(out, f);
            sattr(out, 0600);
            out.xdrEncodeBoolean(true);
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(0);
        });
        assertThat(r.i()).isEqualTo(Nfs3.ERR_NOT_SYNC);
        XdrReader.Fattr after = r.wcc();
        assertThat(after.mode()).isEqualTo(0644);
        XdrReader g = getattr(f);
        g.i();
        assertThat(g.fattr().mode()).isEqualTo(0644);
    }

    @Test
    void setattrWithTheRightGuardApplies() throws Exception {
        byte[] f = create(root, "h", 0644);
        XdrReader a = getattr(f);
        a.i();
        XdrReader.Fattr before = a.fattr();
        XdrReader r = nfs.call(SETATTR, out -> {
            fh(out, f);
            sattr(out, 0640);
            out.xdrEncodeBoolean(true);
            out.xdrEncodeInt((int) before.ctimeSec());
            out.xdrEncodeInt(before.ctimeNsec());
        });
        assertThat(r.i()).isZero();
        assertThat(r.wcc().mode()).isEqualTo(0640);
    }

    @Test
    void setattrOnAReadOnlyExportIsRofs() throws Exception {
        byte[] ro = mnt("/ro");
        XdrReader r = nfs.call(SETATTR, out -> {
            fh(out, ro);
            sattr(out, 0700);
            out.xdrEncodeBoolean(false);
        });
        assertThat(r.i()).isEqualTo(Nfs3.ERR_ROFS);
        r.wcc();
        r.end();
    }

    @Test
    void accessFollowsModeBitsAndSquash() throws Exception {
        byte[] f = create(root, "private", 0600);
        XdrReader r = nfs.call(ACCESS, out -> {
            fh(out, f);
            out.xdrEncodeInt(0x3f);
        });
        assertThat(r.i()).isZero();
        r.postOp();
        assertThat(r.i()).isEqualTo(Nfs3.ACCESS_READ | Nfs3.ACCESS_MODIFY | Nfs3.ACCESS_EXTEND);
        nfs.as(1000, 1000);
        r = nfs.call(ACCESS, out -> {
            fh(out, f);
            out.xdrEncodeInt(0x3f);
        });
        assertThat(r.i()).isZero();
        r.postOp();
        assertThat(r.i()).isZero();
    }

    @Test
    void accessOnAReadOnlyExportNeverGrantsModify() throws Exception {
        byte[] ro = mnt("/ro");
        XdrReader r = nfs.call(ACCESS, out -> {
            fh(out, ro);
            out.xdrEncodeInt(0x3f);
        });
        assertThat(r.i()).isZero();
        r.postOp();
        assertThat(r.i()).isEqualTo(Nfs3.ACCESS_READ | Nfs3.ACCESS_LOOKUP);
    }

    @Test
    void fsstatFsinfoPathconf() throws Exception {
        XdrReader s = nfs.call(FSSTAT, out -> fh(out, root));
        assertThat(s.i()).isZero();
        s.postOp();
        long total = s.l();
        long free = s.l();
        long avail = s.l();
        assertThat(total).isPositive();
        assertThat(free).isBetween(0L, total);
        assertThat(avail).isBetween(0L, total);
        s.l();
        s.l();
        s.l();
        s.i();
        s.end();

        XdrReader i = nfs.call(FSINFO, out -> fh(out, root));
        assertThat(i.i()).isZero();
        i.postOp();
        assertThat(i.i()).as("rtmax").isEqualTo(Nfs3.MAX_IO);
        for (int k = 0; k < 6; k++) {
            assertThat(i.i()).isPositive();
        }
        assertThat(i.l()).isPositive();
        i.i();
        i.i();
        assertThat(i.i() & 0x3).isEqualTo(0x3);
        i.end();

        XdrReader p = nfs.call(PATHCONF, out -> fh(out, root));
        assertThat(p.i()).isZero();
        p.postOp();
        assertThat(p.i()).isPositive();
        assertThat(p.i()).isEqualTo(255);
        assertThat(p.b()).isTrue();
        assertThat(p.b()).isTrue();
        assertThat(p.b()).isFalse();
        assertThat(p.b()).isTrue();
        p.end();
    }

    @Test
    void garbageHandleIsBadhandle() throws Exception {
        XdrReader r = getattr(new byte[] {1, 2, 3, 4, 5});
        assertThat(r.i()).isEqualTo(Nfs3.ERR_BADHANDLE);
        r.end();
        r = getattr(new byte[0]);
        assertThat(r.i()).isEqualTo(Nfs3.ERR_BADHANDLE);
    }

    @Test
    void handleOfARemovedFileIsStale() throws Exception {
        byte[] f = create(root, "gone", 0644);
        assertThat(nfs.call(REMOVE, out -> dirop(out, root, "gone")).i()).isZero();
        XdrReader r = getattr(f);
        assertThat(r.i()).isEqualTo(Nfs3.ERR_STALE);
        r.end();
    }

    @Test
    void handleWithAnotherGenerationOrFsidIsStale() throws Exception {
        byte[] f = create(root, "gen", 0644);
        byte[] otherGen = f.clone();
        ByteBuffer.wrap(otherGen).putInt(24, 99);
        assertThat(getattr(otherGen).i()).isEqualTo(Nfs3.ERR_STALE);
        byte[] otherFs = f.clone();
        ByteBuffer.wrap(otherFs).putLong(4, 12345);
        assertThat(getattr(otherFs).i()).isEqualTo(Nfs3.ERR_STALE);
        byte[] otherExport = f.clone();
        ByteBuffer.wrap(otherExport).putInt(12, 7);
        assertThat(getattr(otherExport).i()).isEqualTo(Nfs3.ERR_STALE);
    }

    @Test
    void handlesOfASecureExportAreRefusedFromHighPorts() throws Exception {
        byte[] secure = gw.server.gateway().handle(gw.server.gateway().exports().byPath("/secure").orElseThrow(),
                gw.fs.lookup(org.mfsj.common.types.Creds.ROOT, gw.fs.rootInode(), "secure"));
        assertThat(getattr(secure).i()).isEqualTo(Nfs3.ERR_ACCES);
    }
}
