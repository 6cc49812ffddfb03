package org.mfsj.nfs.v3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mfsj.nfs.RpcTestClient;
import org.mfsj.nfs.XdrReader;

/** CREATE in its three modes, READ, WRITE (stable and unstable), COMMIT and the write verifier. */
class Nfs3DataTest extends Nfs3TestBase {

    @Test
    void writeThenReadBackWithEof() throws Exception {
        byte[] f = create(root, "data", 0644);
        byte[] payload = new byte[300_000];
        new Random(1).nextBytes(payload);
        XdrReader w = write(f, 0, payload, Nfs3.UNSTABLE);
        assertThat(w.i()).isZero();
        XdrReader.Fattr after = w.wcc();
        assertThat(after.size()).isEqualTo(payload.length);
        assertThat(w.i()).isEqualTo(payload.length);
        assertThat(w.i()).isEqualTo(Nfs3.UNSTABLE);
        byte[] verf = w.fixed(8);
        w.end();

        XdrReader r = read(f, 1000, 5000);
        assertThat(r.i()).isZero();
        assertThat(r.postOp().size()).as("length with the unstable write").isEqualTo(payload.length);
        assertThat(r.i()).isEqualTo(5000);
        assertThat(r.b()).isFalse();
        assertThat(r.opaque()).isEqualTo(Arrays.copyOfRange(payload, 1000, 6000));
        r.end();

        r = read(f, payload.length - 10, 100);
        assertThat(r.i()).isZero();
        r.postOp();
        assertThat(r.i()).isEqualTo(10);
        assertThat(r.b()).as("eof").isTrue();
        assertThat(r.opaque()).isEqualTo(Arrays.copyOfRange(payload, payload.length - 10, payload.length));

        r = read(f, payload.length + 5, 100);
        assertThat(r.i()).isZero();
        r.postOp();
        assertThat(r.i()).isZero();
        assertThat(r.b()).isTrue();
        assertThat(r.opaque()).isEmpty();

        XdrReader c = nfs.call(COMMIT, out -> {
            fh(out, f);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(0);
        });
        assertThat(c.i()).isZero();
        c.wcc();
        assertThat(c.fixed(8)).as("verifier unchanged while the gateway lives").isEqualTo(verf);
        c.end();
    }

    @Test
    void stableWritesAreAnsweredFileSync() throws Exception {
        byte[] f = create(root, "sync", 0644);
        XdrReader w = write(f, 0, bytes("hello"), Nfs3.DATA_SYNC);
        assertThat(w.i()).isZero();
        w.wcc();
        assertThat(w.i()).isEqualTo(5);
        assertThat(w.i()).isEqualTo(Nfs3.FILE_SYNC);
    }

    @Test
    void writeCountLargerThanDataIsInval() throws Exception {
        byte[] f = create(root, "short", 0644);
        XdrReader w = nfs.call(WRITE, out -> {
            fh(out, f);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(100);
            out.xdrEncodeInt(Nfs3.UNSTABLE);
            out.xdrEncodeDynamicOpaque(new byte[10]);
        });
        assertThat(w.i()).isEqualTo(Nfs3.ERR_INVAL);
        w.wcc();
        w.end();
    }

    @Test
    void readAndWriteOfADirectoryIsIsdir() throws Exception {
        XdrReader r = read(root, 0, 10);
        assertThat(r.i()).isEqualTo(Nfs3.ERR_ISDIR);
        r.postOp();
        r.end();
        XdrReader w = write(root, 0, new byte[1], Nfs3.UNSTABLE);
        assertThat(w.i()).isEqualTo(Nfs3.ERR_ISDIR);
    }

    @Test
    void othersCannotReadAPrivateFile() throws Exception {
        byte[] f = create(root, "secret", 0600);
        write(f, 0, bytes("x"), Nfs3.FILE_SYNC).i();
        nfs.as(1000, 1000);
        assertThat(read(f, 0, 1).i()).isEqualTo(Nfs3.ERR_ACCES);
        assertThat(write(f, 0, bytes("y"), Nfs3.UNSTABLE).i()).isEqualTo(Nfs3.ERR_ACCES);
    }

    @Test
    void writeOnAReadOnlyExportIsRofs() throws Exception {
        gw.fs.create(org.mfsj.common.types.Creds.ROOT,
                gw.fs.lookup(org.mfsj.common.types.Creds.ROOT, gw.fs.rootInode(), "ro").inode(), "f", 0644);
        byte[] ro = mnt("/ro");
        byte[] f = lookup(ro, "f");
        assertThat(write(f, 0, bytes("y"), Nfs3.UNSTABLE).i()).isEqualTo(Nfs3.ERR_ROFS);
        XdrReader c = nfs.call(CREATE, out -> {
            dirop(out, ro, "new");
            out.xdrEncodeInt(0);
            sattr(out, 0644);
        });
        assertThat(c.i()).isEqualTo(Nfs3.ERR_ROFS);
    }

    @Test
    void guardedCreateRefusesAnExistingName() throws Exception {
        create(root, "taken", 0644);
        XdrReader r = nfs.call(CREATE, out -> {
            dirop(out, root, "taken");
            out.xdrEncodeInt(Nfs3.CREATE_GUARDED);
            sattr(out, 0644);
        });
        assertThat(r.i()).isEqualTo(Nfs3.ERR_EXIST);
        r.wcc();
        r.end();
    }

    @Test
    void uncheckedCreateOfAnExistingFileTruncatesWhenAsked() throws Exception {
        byte[] f = create(root, "again", 0644);
        write(f, 0, new byte[50], Nfs3.FILE_SYNC).i();
        XdrReader r = nfs.call(CREATE, out -> {
            dirop(out, root, "again");
            out.xdrEncodeInt(Nfs3.CREATE_UNCHECKED);
            out.xdrEncodeBoolean(false);
            out.xdrEncodeBoolean(false);
            out.xdrEncodeBoolean(false);
            out.xdrEncodeBoolean(true);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(0);
        });
        assertThat(r.i()).isZero();
        assertThat(r.b()).isTrue();
        assertThat(r.opaque()).isEqualTo(f);
        assertThat(r.postOp().size()).isZero();
    }

    @Test
    void exclusiveCreateIsIdempotentForItsVerifierOnly() throws Exception {
        byte[] verf = {1, 2, 3, 4, 5, 6, 7, 8};
        RpcTestClient.Args call = out -> {
            dirop(out, root, "excl");
            out.xdrEncodeInt(Nfs3.CREATE_EXCLUSIVE);
            out.xdrEncodeOpaque(verf, 8);
        };
        XdrReader first = nfs.call(CREATE, call);
        assertThat(first.i()).isZero();
        assertThat(first.b()).isTrue();
        byte[] fh = first.opaque();
        XdrReader retry = nfs.call(CREATE, call);
        assertThat(retry.i()).as("a retransmission succeeds").isZero();
        assertThat(retry.b()).isTrue();
        assertThat(retry.opaque()).isEqualTo(fh);
        XdrReader other = nfs.call(CREATE, out -> {
            dirop(out, root, "excl");
            out.xdrEncodeInt(Nfs3.CREATE_EXCLUSIVE);
            out.xdrEncodeOpaque(new byte[8], 8);
        });
        assertThat(other.i()).isEqualTo(Nfs3.ERR_EXIST);
    }

    @Test
    void createInAFileIsNotdir() throws Exception {
        byte[] f = create(root, "plain", 0644);
        XdrReader r = nfs.call(CREATE, out -> {
            dirop(out, f, "x");
            out.xdrEncodeInt(0);
            sattr(out, 0644);
        });
        assertThat(r.i()).isEqualTo(Nfs3.ERR_NOTDIR);
    }

    @Test
    void squashedCallersCreateAsTheAnonymousUser() throws Exception {
        byte[] sq = mnt("/squashed");
        byte[] f = create(sq, "mine", 0644);
        XdrReader r = getattr(f);
        assertThat(r.i()).isZero();
        XdrReader.Fattr a = r.fattr();
        assertThat(a.uid()).isEqualTo(1000);
        assertThat(a.gid()).isEqualTo(1000);
    }
}
