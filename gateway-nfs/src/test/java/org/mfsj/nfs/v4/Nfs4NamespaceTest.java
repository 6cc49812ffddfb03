package org.mfsj.nfs.v4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.Creds;
import org.mfsj.nfs.XdrReader;

/** File handles, LOOKUP(P), GETATTR, ACCESS, CREATE, REMOVE, RENAME, LINK, READLINK, SETATTR, READDIR. */
class Nfs4NamespaceTest extends Nfs4TestBase {

    @Test
    void getattrOfTheRoot() throws Exception {
        XdrReader r = seqCall(op(PUTROOTFH), getattr(1, 4, 20, 33, 35, 36, 37, 55));
        result(r, PUTROOTFH);
        assertThat(result(r, GETATTR)).isZero();
        assertThat(r.i()).as("bitmap words").isEqualTo(2);
        int w0 = r.i();
        int w1 = r.i();
        assertThat(w0).isEqualTo((1 << 1) | (1 << 4) | (1 << 20));
        assertThat(w1).isEqualTo((1 << 1) | (1 << 3) | (1 << 4) | (1 << 5) | (1 << 23));
        r.i();
        assertThat(r.i()).as("type").isEqualTo(Nfs4.NF4DIR);
        r.l();
        assertThat(r.l()).as("fileid").isEqualTo(gw.fs.rootInode());
        assertThat(r.i()).as("mode").isEqualTo(0755);
        assertThat(r.i()).as("numlinks").isPositive();
        assertThat(r.str()).as("owner").isEqualTo("0");
        assertThat(r.str()).as("owner_group").isEqualTo("0");
        assertThat(r.l()).as("mounted_on_fileid").isEqualTo(gw.fs.rootInode());
        r.end();
    }

    @Test
    void lookupAndItsErrors() throws Exception {
        byte[] root = rootFh();
        XdrReader r = seqCall(putfh(root), mkdir("d"), op(GETFH));
        result(r, PUTFH);
        assertThat(result(r, CREATE)).isZero();
        r.b();
        r.l();
        r.l();
        int words = r.i();
        for (int i = 0; i < words; i++) {
            r.i();
        }
        result(r, GETFH);
        byte[] d = r.opaque();
        r = seqCall(putfh(root), lookup("d"), op(GETFH));
        result(r, PUTFH);
        assertThat(result(r, LOOKUP)).isZero();
        result(r, GETFH);
        assertThat(r.opaque()).isEqualTo(d);
        assertThat(status(putfh(root), lookup("missing"))).isEqualTo(Nfs4.ERR_NOENT);
        assertThat(status(putfh(root), lookup(".."))).isEqualTo(Nfs4.ERR_BADNAME);
        assertThat(status(putfh(root), lookup(""))).isEqualTo(Nfs4.ERR_INVAL);
        // LOOKUPP below the root asks the client for "..", which InMemoryMfsClient does not know
        assertThat(status(putfh(d), op(GETFH))).isZero();
        assertThat(status(putfh(root), op(LOOKUPP))).as("above the export root").isEqualTo(Nfs4.ERR_NOENT);
        gw.fs.create(Creds.ROOT, gw.fs.rootInode(), "plain", 0644);
        assertThat(status(putfh(root), lookup("plain"), lookup("x"))).isEqualTo(Nfs4.ERR_NOTDIR);
    }


    @Test
    void handleErrors() throws Exception {
        assertThat(status(putfh(new byte[] {1, 2, 3}))).isEqualTo(Nfs4.ERR_BADHANDLE);
        assertThat(status(op(GETFH))).isEqualTo(Nfs4.ERR_NOFILEHANDLE);
        assertThat(status(op(PUTROOTFH), op(RESTOREFH))).isEqualTo(Nfs4.ERR_RESTOREFH);
        byte[] root = rootFh();
        var f = gw.fs.create(Creds.ROOT, gw.fs.rootInode(), "doomed", 0644);
        byte[][] fh = new byte[1][];
        seqCall(putfh(root), lookup("doomed"), op(GETFH));
        fh[0] = gw.server.gateway().handle(gw.server.gateway().exports().byPath("/").orElseThrow(), f);
        gw.fs.unlink(Creds.ROOT, gw.fs.rootInode(), "doomed");
        assertThat(status(putfh(fh[0]))).isEqualTo(Nfs4.ERR_STALE);
    }

    @Test
    void createRemoveRenameLink() throws Exception {
        byte[] root = rootFh();
        assertThat(status(putfh(root), mkdir("a"))).isZero();
        assertThat(status(putfh(root), mkdir("a"))).isEqualTo(Nfs4.ERR_EXIST);
        assertThat(status(putfh(root), op(CREATE, out -> {
            out.xdrEncodeInt(Nfs4.NF4REG);
            out.xdrEncodeString("reg");
            modeAttr(out, 0644);
        }))).isEqualTo(Nfs4.ERR_BADTYPE);
        assertThat(status(putfh(root), op(CREATE, out -> {
            out.xdrEncodeInt(Nfs4.NF4LNK);
            out.xdrEncodeString("target");
            out.xdrEncodeString("ln");
            bitmap(out);
            out.xdrEncodeInt(0);
        }))).isZero();
        XdrReader rl = seqCall(putfh(root), lookup("ln"), op(READLINK));
        result(rl, PUTFH);
        result(rl, LOOKUP);
        assertThat(result(rl, READLINK)).isZero();
        assertThat(rl.str()).isEqualTo("target");
        assertThat(status(putfh(root), lookup("a"), mkdir("inner"))).isZero();
        assertThat(status(putfh(root), op(REMOVE, out -> out.xdrEncodeString("a")))).isEqualTo(Nfs4.ERR_NOTEMPTY);
        assertThat(status(putfh(root), lookup("a"), op(SAVEFH), putfh(root),
                op(RENAME, out -> {
                    out.xdrEncodeString("inner");
                    out.xdrEncodeString("moved");
                }))).isZero();
        assertThat(status(putfh(root), lookup("moved"))).isZero();
        assertThat(status(putfh(root), op(REMOVE, out -> out.xdrEncodeString("a")))).isZero();
        assertThat(status(putfh(root), lookup("ln"), op(SAVEFH), putfh(root),
                op(LINK, out -> out.xdrEncodeString("ln2")))).isZero();
        assertThat(status(putfh(root), op(REMOVE, out -> out.xdrEncodeString("nothing")))).isEqualTo(Nfs4.ERR_NOENT);
    }

    @Test
    void setattrAndAccess() throws Exception {
        byte[] root = rootFh();
        gw.fs.create(Creds.ROOT, gw.fs.rootInode(), "f", 0644);
        assertThat(status(putfh(root), lookup("f"), op(SETATTR, out -> {
            out.xdrEncodeOpaque(new byte[16], 16);
            modeAttr(out, 0600);
        }))).isZero();
        assertThat(gw.fs.lookup(Creds.ROOT, gw.fs.rootInode(), "f").mode()).isEqualTo(0600);
        XdrReader bad = seqCall(putfh(root), lookup("f"), op(SETATTR, out -> {
            out.xdrEncodeOpaque(new byte[16], 16);
            bitmap(out, 1);
            out.xdrEncodeInt(4);
            out.xdrEncodeInt(Nfs4.NF4DIR);
        }));
        result(bad, PUTFH);
        result(bad, LOOKUP);
        assertThat(result(bad, SETATTR)).as("type is not settable").isEqualTo(Nfs4.ERR_INVAL);
        assertThat(bad.i()).as("empty attrsset").isZero();
        nfs.as(1000, 1000);
        XdrReader a = seqCall(putfh(root), lookup("f"), op(ACCESS, out -> out.xdrEncodeInt(0x3f)));
        result(a, PUTFH);
        result(a, LOOKUP);
        assertThat(result(a, ACCESS)).isZero();
        assertThat(a.i()).isEqualTo(0x3f);
        assertThat(a.i()).as("nothing on someone else's 0600 file").isZero();
    }

    @Test
    void readdirPagesWithCookies() throws Exception {
        byte[] root = rootFh();
        for (int i = 0; i < 30; i++) {
            gw.fs.create(Creds.ROOT, gw.fs.rootInode(), "entry-" + i, 0644);
        }
        List<String> names = new ArrayList<>();
        long cookie = 0;
        boolean eof = false;
        while (!eof) {
            long c = cookie;
            XdrReader r = seqCall(putfh(root), op(READDIR, out -> {
                out.xdrEncodeLong(c);
                out.xdrEncodeOpaque(new byte[8], 8);
                out.xdrEncodeInt(1000);
                out.xdrEncodeInt(1000);
                bitmap(out, 1, 20);
            }));
            result(r, PUTFH);
            assertThat(result(r, READDIR)).isZero();
            r.fixed(8);
            while (r.b()) {
                cookie = r.l();
                names.add(r.str());
                r.opaque();
                r.opaque();
            }
            eof = r.b();
        }
        assertThat(names).hasSize(33).doesNotHaveDuplicates().contains("entry-0", "entry-29", "ro");
        assertThat(status(putfh(root), op(READDIR, out -> {
            out.xdrEncodeLong(0);
            out.xdrEncodeOpaque(new byte[8], 8);
            out.xdrEncodeInt(10);
            out.xdrEncodeInt(10);
            bitmap(out, 1);
        }))).isEqualTo(Nfs4.ERR_TOOSMALL);
    }

    @Test
    void secinfoNoNameOffersAuthSysAndConsumesTheHandle() throws Exception {
        XdrReader r = seqCall(op(PUTROOTFH), op(SECINFO_NO_NAME, out -> out.xdrEncodeInt(0)), op(GETFH));
        result(r, PUTROOTFH);
        assertThat(result(r, SECINFO_NO_NAME)).isZero();
        assertThat(r.i()).isEqualTo(1);
        assertThat(r.i()).isEqualTo(1);
        assertThat(result(r, GETFH)).isEqualTo(Nfs4.ERR_NOFILEHANDLE);
    }
}
