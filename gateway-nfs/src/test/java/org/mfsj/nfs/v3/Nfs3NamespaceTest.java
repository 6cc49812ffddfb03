package org.mfsj.nfs.v3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mfsj.nfs.XdrReader;

/** LOOKUP, MKDIR, SYMLINK, READLINK, MKNOD, REMOVE, RMDIR, RENAME, LINK with their errors. */
class Nfs3NamespaceTest extends Nfs3TestBase {

    @Test
    void lookupFindsAndMisses() throws Exception {
        byte[] d = mkdir(root, "d");
        XdrReader r = lookupCall(root, "d");
        assertThat(r.i()).isZero();
        assertThat(r.opaque()).isEqualTo(d);
        assertThat(r.postOp().type()).isEqualTo(Nfs3.DIR);
        assertThat(r.postOp().type()).isEqualTo(Nfs3.DIR);
        r.end();

        r = lookupCall(root, "missing");
        assertThat(r.i()).isEqualTo(Nfs3.ERR_NOENT);
        r.postOp();
        r.end();

        byte[] f = create(root, "file", 0644);
        assertThat(lookupCall(f, "x").i()).isEqualTo(Nfs3.ERR_NOTDIR);
        assertThat(lookup(d, ".")).isEqualTo(d);
        assertThat(lookup(root, "..")).as(".. of the export root stays there").isEqualTo(root);
        assertThat(lookupCall(root, "a/b").i()).isEqualTo(Nfs3.ERR_INVAL);
        assertThat(lookupCall(root, "x".repeat(300)).i()).isEqualTo(Nfs3.ERR_NAMETOOLONG);
    }

    @Test
    void mkdirTwiceIsExist() throws Exception {
        mkdir(root, "twice");
        XdrReader r = nfs.call(MKDIR, out -> {
            dirop(out, root, "twice");
            sattr(out, 0755);
        });
        assertThat(r.i()).isEqualTo(Nfs3.ERR_EXIST);
        r.wcc();
        r.end();
    }

    @Test
    void symlinkAndReadlink() throws Exception {
        XdrReader r = nfs.call(SYMLINK, out -> {
            dirop(out, root, "ln");
            sattr(out, -1);
            out.xdrEncodeString("target/path");
        });
        assertThat(r.i()).isZero();
        assertThat(r.b()).isTrue();
        byte[] ln = r.opaque();
        assertThat(r.postOp().type()).isEqualTo(Nfs3.LNK);
        r.wcc();
        r.end();
        XdrReader l = nfs.call(READLINK, out -> fh(out, ln));
        assertThat(l.i()).isZero();
        l.postOp();
        assertThat(l.str()).isEqualTo("target/path");
        l.end();
        XdrReader notLink = nfs.call(READLINK, out -> fh(out, root));
        assertThat(notLink.i()).isEqualTo(Nfs3.ERR_INVAL);
    }

    @Test
    void mknodMakesFifosAndDevicesButNotFiles() throws Exception {
        XdrReader r = nfs.call(MKNOD, out -> {
            dirop(out, root, "fifo");
            out.xdrEncodeInt(Nfs3.FIFO);
            sattr(out, 0600);
        });
        assertThat(r.i()).isZero();
        r.b();
        r.opaque();
        assertThat(r.postOp().type()).isEqualTo(Nfs3.FIFO);

        r = nfs.call(MKNOD, out -> {
            dirop(out, root, "dev");
            out.xdrEncodeInt(Nfs3.CHR);
            sattr(out, 0600);
            out.xdrEncodeInt(4);
            out.xdrEncodeInt(300);
        });
        assertThat(r.i()).isZero();
        r.b();
        r.opaque();
        XdrReader.Fattr dev = r.postOp();
        assertThat(dev.type()).isEqualTo(Nfs3.CHR);
        assertThat(dev.major()).isEqualTo(4);
        assertThat(dev.minor()).isEqualTo(300);

        r = nfs.call(MKNOD, out -> {
            dirop(out, root, "reg");
            out.xdrEncodeInt(Nfs3.REG);
        });
        assertThat(r.i()).isEqualTo(Nfs3.ERR_BADTYPE);
    }

    @Test
    void removeAndRmdirWithTheirErrors() throws Exception {
        byte[] d = mkdir(root, "dir");
        create(d, "inner", 0644);
        create(root, "file", 0644);
        assertThat(nfs.call(REMOVE, out -> dirop(out, root, "nothing")).i()).isEqualTo(Nfs3.ERR_NOENT);
        assertThat(nfs.call(RMDIR, out -> dirop(out, root, "dir")).i()).isEqualTo(Nfs3.ERR_NOTEMPTY);
        assertThat(nfs.call(RMDIR, out -> dirop(out, root, "file")).i()).isEqualTo(Nfs3.ERR_NOTDIR);
        assertThat(nfs.call(REMOVE, out -> dirop(out, root, "dir")).i()).isEqualTo(Nfs3.ERR_ISDIR);
        XdrReader r = nfs.call(REMOVE, out -> dirop(out, d, "inner"));
        assertThat(r.i()).isZero();
        r.wcc();
        r.end();
        assertThat(nfs.call(RMDIR, out -> dirop(out, root, "dir")).i()).isZero();
        assertThat(lookupCall(root, "dir").i()).isEqualTo(Nfs3.ERR_NOENT);
    }

    @Test
    void renameMovesAndReportsBothDirectories() throws Exception {
        byte[] a = mkdir(root, "a");
        byte[] b = mkdir(root, "b");
        byte[] f = create(a, "f", 0644);
        XdrReader r = nfs.call(RENAME, out -> {
            dirop(out, a, "f");
            dirop(out, b, "g");
        });
        assertThat(r.i()).isZero();
        r.wcc();
        r.wcc();
        r.end();
        assertThat(lookup(b, "g")).as("the handle follows the file").isEqualTo(f);
        assertThat(lookupCall(a, "f").i()).isEqualTo(Nfs3.ERR_NOENT);
        assertThat(nfs.call(RENAME, out -> {
            dirop(out, a, "f");
            dirop(out, b, "h");
        }).i()).isEqualTo(Nfs3.ERR_NOENT);
        assertThat(nfs.call(RENAME, out -> {
            dirop(out, root, "a");
            dirop(out, a, "inside");
        }).i()).isEqualTo(Nfs3.ERR_INVAL);
    }

    @Test
    void renameAcrossExportsIsXdev() throws Exception {
        create(root, "f", 0644);
        byte[] sq = mnt("/squashed");
        assertThat(nfs.call(RENAME, out -> {
            dirop(out, root, "f");
            dirop(out, sq, "f");
        }).i()).isEqualTo(Nfs3.ERR_XDEV);
    }

    @Test
    void linkAddsAName() throws Exception {
        byte[] f = create(root, "orig", 0644);
        XdrReader r = nfs.call(LINK, out -> {
            fh(out, f);
            dirop(out, root, "second");
        });
        assertThat(r.i()).isZero();
        assertThat(r.postOp().nlink()).isEqualTo(2);
        r.wcc();
        r.end();
        assertThat(lookup(root, "second")).isEqualTo(f);
        XdrReader again = nfs.call(LINK, out -> {
            fh(out, f);
            dirop(out, root, "second");
        });
        assertThat(again.i()).isEqualTo(Nfs3.ERR_EXIST);
        XdrReader dir = nfs.call(LINK, out -> {
            fh(out, root);
            dirop(out, root, "rootlink");
        });
        assertThat(dir.i()).isEqualTo(Nfs3.ERR_ISDIR);
    }

    @Test
    void namesThatCannotBeCreated() throws Exception {
        for (String bad : new String[] {"", ".", "..", "a/b"}) {
            XdrReader r = nfs.call(MKDIR, out -> {
                dirop(out, root, bad);
                sattr(out, 0755);
            });
            assertThat(r.i()).as("mkdir '%s'", bad).isIn(Nfs3.ERR_INVAL, Nfs3.ERR_EXIST);
        }
    }
}
