package org.mfsj.nfs.v3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mfsj.nfs.GatewayFixture;
import org.mfsj.nfs.RpcTestClient;
import org.mfsj.nfs.XdrReader;

/** A fresh gateway per test, an NFSv3 and a MOUNT client, and the calls most tests need. */
abstract class Nfs3TestBase {
    static final int GETATTR = 1;
    static final int SETATTR = 2;
    static final int LOOKUP = 3;
    static final int ACCESS = 4;
    static final int READLINK = 5;
    static final int READ = 6;
    static final int WRITE = 7;
    static final int CREATE = 8;
    static final int MKDIR = 9;
    static final int SYMLINK = 10;
    static final int MKNOD = 11;
    static final int REMOVE = 12;
    static final int RMDIR = 13;
    static final int RENAME = 14;
    static final int LINK = 15;
    static final int READDIR = 16;
    static final int READDIRPLUS = 17;
    static final int FSSTAT = 18;
    static final int FSINFO = 19;
    static final int PATHCONF = 20;
    static final int COMMIT = 21;

    GatewayFixture gw;
    RpcTestClient nfs;
    RpcTestClient mount;
    byte[] root;

    @BeforeEach
    void start() throws Exception {
        gw = new GatewayFixture();
        nfs = new RpcTestClient(gw.server.nfsAddress(), 100003, 3);
        mount = new RpcTestClient(gw.server.mountAddress(), 100005, 3);
        root = mnt("/");
    }

    @AfterEach
    void stop() throws IOException {
        nfs.close();
        mount.close();
        gw.close();
    }

    byte[] mnt(String path) throws IOException {
        XdrReader r = mount.call(1, out -> out.xdrEncodeString(path));
        assertThat(r.i()).as("MNT status of " + path).isZero();
        byte[] fh = r.opaque();
        assertThat(r.i()).isEqualTo(1);
        assertThat(r.i()).isEqualTo(1);
        return fh;
    }

    static void fh(XdrEncodingStream out, byte[] fh) {
        out.xdrEncodeDynamicOpaque(fh);
    }

    static void dirop(XdrEncodingStream out, byte[] dir, String name) {
        out.xdrEncodeDynamicOpaque(dir);
        out.xdrEncodeString(name);
    }

    /** sattr3 setting nothing but, if non-negative, the mode. */
    static void sattr(XdrEncodingStream out, int mode) {
        out.xdrEncodeBoolean(mode >= 0);
        if (mode >= 0) {
            out.xdrEncodeInt(mode);
        }
        for (int i = 0; i < 5; i++) {
            out.xdrEncodeInt(0);
        }
    }

    XdrReader lookupCall(byte[] dir, String name) throws IOException {
        return nfs.call(LOOKUP, out -> dirop(out, dir, name));
    }

    byte[] lookup(byte[] dir, String name) throws IOException {
        XdrReader r = lookupCall(dir, name);
        assertThat(r.i()).as("LOOKUP " + name).isZero();
        return r.opaque();
    }

    XdrReader getattr(byte[] fh) throws IOException {
        return nfs.call(GETATTR, out -> fh(out, fh));
    }

    /** CREATE UNCHECKED with a mode; returns the new handle. */
    byte[] create(byte[] dir, String name, int mode) throws IOException {
        XdrReader r = nfs.call(CREATE, out -> {
            dirop(out, dir, name);
            out.xdrEncodeInt(0);
            sattr(out, mode);
        });
        assertThat(r.i()).as("CREATE " + name).isZero();
        assertThat(r.b()).isTrue();
        return r.opaque();
    }

    byte[] mkdir(byte[] dir, String name) throws IOException {
        XdrReader r = nfs.call(MKDIR, out -> {
            dirop(out, dir, name);
            sattr(out, 0755);
        });
        assertThat(r.i()).as("MKDIR " + name).isZero();
        assertThat(r.b()).isTrue();
        return r.opaque();
    }

    XdrReader write(byte[] fh, long offset, byte[] data, int stable) throws IOException {
        return nfs.call(WRITE, out -> {
            fh(out, fh);
            out.xdrEncodeLong(offset);
            out.xdrEncodeInt(data.length);
            out.xdrEncodeInt(stable);
            out.xdrEncodeDynamicOpaque(data);
        });
    }

    XdrReader read(byte[] fh, long offset, int count) throws IOException {
        return nfs.call(READ, out -> {
            fh(out, fh);
            out.xdrEncodeLong(offset);
            out.xdrEncodeInt(count);
        });
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
