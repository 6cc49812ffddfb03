package org.mfsj.nfs.v3.xdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.junit.jupiter.api.Test;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.nfs.rpc.XdrBytes;
import org.mfsj.nfs.v3.Nfs3;

/** The client-side encoders of the argument records are what their decoders read back. */
class Args3CodecTest {
    private static final byte[] FH = {1, 2, 3, 4, 5};

    @Test
    void dirOpRoundTrips() throws IOException {
        DirOp3 back = DirOp3.decode(xdr(XdrBytes.encode(new DirOp3(FH, "f0000042")::encode)));
        assertThat(back.dir()).containsExactly(FH);
        assertThat(back.name()).isEqualTo("f0000042");
    }

    @Test
    void readAndCommitRoundTrip() throws IOException {
        ReadArgs3 r = ReadArgs3.decode(xdr(XdrBytes.encode(new ReadArgs3(FH, 1L << 33, 4096)::encode)));
        assertThat(r.fh()).containsExactly(FH);
        assertThat(r.offset()).isEqualTo(1L << 33);
        assertThat(r.count()).isEqualTo(4096);
        CommitArgs3 c = CommitArgs3.decode(xdr(XdrBytes.encode(new CommitArgs3(FH, 7, 0)::encode)));
        assertThat(c.offset()).isEqualTo(7);
        assertThat(c.count()).isZero();
    }

    @Test
    void writeSendsOnlyCountBytesPadded() throws IOException {
        byte[] data = {9, 8, 7, 6, 5, 4, 3};
        byte[] wire = XdrBytes.encode(new WriteArgs3(FH, 100, 5, Nfs3.UNSTABLE, data)::encode);
        assertThat(wire.length % 4).isZero();
        WriteArgs3 w = WriteArgs3.decode(xdr(wire));
        assertThat(w.offset()).isEqualTo(100);
        assertThat(w.count()).isEqualTo(5);
        assertThat(w.stable()).isEqualTo(Nfs3.UNSTABLE);
        assertThat(w.data()).containsExactly(9, 8, 7, 6, 5);
    }

    @Test
    void createCarriesModeOrVerifier() throws IOException {
        CreateArgs3 guarded = CreateArgs3.decode(xdr(XdrBytes.encode(
                new CreateArgs3(new DirOp3(FH, "a"), Nfs3.CREATE_GUARDED, Sattr3.mode(0640), null)::encode)));
        assertThat(guarded.how()).isEqualTo(Nfs3.CREATE_GUARDED);
        assertThat(guarded.attrs().modeOr(0)).isEqualTo(0640);
        assertThat(guarded.attrs().change().mask()).isEqualTo(SetAttrMask.MODE);
        byte[] verf = {1, 2, 3, 4, 5, 6, 7, 8};
        CreateArgs3 excl = CreateArgs3.decode(xdr(XdrBytes.encode(
                new CreateArgs3(new DirOp3(FH, "b"), Nfs3.CREATE_EXCLUSIVE, null, verf)::encode)));
        assertThat(excl.verifier()).containsExactly(verf);
        assertThat(excl.attrs()).isNull();
    }

    @Test
    void sattrRoundTripsEveryField() throws IOException {
        int mask = SetAttrMask.MODE | SetAttrMask.UID | SetAttrMask.GID | SetAttrMask.LENGTH | SetAttrMask.ATIME
                | SetAttrMask.MTIME_NOW;
        SetAttrRequest all = new SetAttrRequest(mask, 0755, 1000, 100, 5_000_000_123L, 0, 1L << 40);
        MkdirArgs3 sent = new MkdirArgs3(new DirOp3(FH, "d"), new Sattr3(all));
        MkdirArgs3 m = MkdirArgs3.decode(xdr(XdrBytes.encode(sent::encode)));
        assertThat(m.attrs().change()).isEqualTo(all);
        assertThat(m.where().name()).isEqualTo("d");
    }

    private static Xdr xdr(byte[] bytes) {
        Xdr x = new Xdr(bytes);
        x.beginDecoding();
        return x;
    }
}
