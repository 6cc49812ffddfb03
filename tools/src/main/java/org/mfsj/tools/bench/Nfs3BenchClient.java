package org.mfsj.tools.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.dcache.oncrpc4j.rpc.OncRpcClient;
import org.dcache.oncrpc4j.rpc.RpcAuth;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeUnix;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcTransport;
import org.dcache.oncrpc4j.rpc.net.IpProtocolType;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.nfs.mount.Mount;
import org.mfsj.nfs.rpc.XdrBytes;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v3.xdr.CommitArgs3;
import org.mfsj.nfs.v3.xdr.CreateArgs3;
import org.mfsj.nfs.v3.xdr.DirOp3;
import org.mfsj.nfs.v3.xdr.Fh3;
import org.mfsj.nfs.v3.xdr.MkdirArgs3;
import org.mfsj.nfs.v3.xdr.ReadArgs3;
import org.mfsj.nfs.v3.xdr.Sattr3;
import org.mfsj.nfs.v3.xdr.WriteArgs3;

/**
 * The NFSv3 side of {@code NfsBench}: the few procedures it drives, on oncrpc4j over TCP. Calls
 * are synchronous and thread-safe; many threads calling at once keep that many requests
 * outstanding, spread over the client's connections. Arguments use the gateway's own argument
 * records; replies are read here, with the attributes the bench does not need skipped.
 */
final class Nfs3BenchClient implements AutoCloseable {
    private static final int PROC_GETATTR = 1;
    private static final int PROC_LOOKUP = 3;
    private static final int PROC_READ = 6;
    private static final int PROC_WRITE = 7;
    private static final int PROC_CREATE = 8;
    private static final int PROC_MKDIR = 9;
    private static final int PROC_REMOVE = 12;
    private static final int PROC_FSINFO = 19;
    private static final int PROC_COMMIT = 21;
    /** fattr3 on the wire: 21 words. */
    private static final int FATTR3_BYTES = 84;
    /** wcc_attr: size and two times. */
    private static final int WCC_ATTR_BYTES = 24;
    private static final long TIMEOUT_S = 120;

    /** A procedure's reply past its status word. */
    private interface Body<T> {
        T read(XdrDecodingStream in) throws IOException;
    }

    /** Sizes the server offers (FSINFO). */
    record Sizes(int rtmax, int wtmax) {
    }

    /** A WRITE's answer. */
    record Written(int count, int committed, long verifier) {
    }

    private final List<OncRpcClient> clients = new ArrayList<>();
    private final List<RpcTransport> transports = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final RpcAuth auth = new RpcAuthTypeUnix(0, 0, new int[] {0}, 0, "nfsbench");
    private final int program;
    private final int version;

    private Nfs3BenchClient(InetAddress host, int port, int connections, int program, int version)
            throws IOException {
        this.program = program;
        this.version = version;
        try {
            for (int i = 0; i < connections; i++) {
                OncRpcClient c = new OncRpcClient(host, IpProtocolType.TCP, port);
                clients.add(c);
                transports.add(c.connect());
            }
        } catch (IOException e) {
            close();
            throw new IOException("cannot connect to " + host.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
    }

    static Nfs3BenchClient nfs(InetAddress host, int port, int connections) throws IOException {
        return new Nfs3BenchClient(host, port, connections, Nfs3.PROGRAM, Nfs3.VERSION);
    }

    /** MOUNT MNT of {@code path}: the export's root handle. */
    static byte[] mount(InetAddress host, int port, String path) throws IOException {
        try (Nfs3BenchClient m = new Nfs3BenchClient(host, port, 1, Mount.PROGRAM, Mount.VERSION)) {
            return m.call(Mount.PROC_MNT, "MNT " + path, out -> out.xdrEncodeString(path), in -> {
                byte[] fh = in.xdrDecodeDynamicOpaque();
                in.xdrDecodeIntVector();
                return fh;
            });
        }
    }

    Sizes fsinfo(byte[] root) throws IOException {
        return call(PROC_FSINFO, "FSINFO", out -> Fh3.encode(out, root), in -> {
            skipPostOpAttr(in);
            int rtmax = in.xdrDecodeInt();
            in.xdrDecodeInt();
            in.xdrDecodeInt();
            int wtmax = in.xdrDecodeInt();
            skip(in, 3 * 4 + 8 + 8 + 4);
            return new Sizes(rtmax, wtmax);
        });
    }

    byte[] mkdir(byte[] dir, String name) throws IOException {
        return call(PROC_MKDIR, "MKDIR " + name, new MkdirArgs3(new DirOp3(dir, name), Sattr3.mode(0755))::encode,
                Nfs3BenchClient::created);
    }

    /** GUARDED: the name must be new. */
    byte[] create(byte[] dir, String name) throws IOException {
        return call(PROC_CREATE, "CREATE " + name, new CreateArgs3(new DirOp3(dir, name), Nfs3.CREATE_GUARDED,
                Sattr3.mode(0644), null)::encode, Nfs3BenchClient::created);
    }

    byte[] lookup(byte[] dir, String name) throws IOException {
        return call(PROC_LOOKUP, "LOOKUP " + name, new DirOp3(dir, name)::encode, in -> {
            byte[] fh = in.xdrDecodeDynamicOpaque();
            skipPostOpAttr(in);
            skipPostOpAttr(in);
            return fh;
        });
    }

    /** The file's size. */
    long getattr(byte[] fh) throws IOException {
        return call(PROC_GETATTR, "GETATTR", out -> Fh3.encode(out, fh), in -> {
            skip(in, 5 * 4);
            long size = in.xdrDecodeLong();
            skip(in, FATTR3_BYTES - 5 * 4 - 8);
            return size;
        });
    }

    void remove(byte[] dir, String name) throws IOException {
        call(PROC_REMOVE, "REMOVE " + name, new DirOp3(dir, name)::encode, in -> {
            skipWcc(in);
            return null;
        });
    }

    Written write(byte[] fh, long offset, byte[] data, int count, int stable) throws IOException {
        return call(PROC_WRITE, "WRITE at " + offset, new WriteArgs3(fh, offset, count, stable, data)::encode, in -> {
            skipWcc(in);
            return new Written(in.xdrDecodeInt(), in.xdrDecodeInt(), in.xdrDecodeLong());
        });
    }

    /** The write verifier after the commit. */
    long commit(byte[] fh) throws IOException {
        return call(PROC_COMMIT, "COMMIT", new CommitArgs3(fh, 0, 0)::encode, in -> {
            skipWcc(in);
            return in.xdrDecodeLong();
        });
    }

    /** Data at {@code offset}, at most {@code count} bytes (fewer at the end of the file). */
    byte[] read(byte[] fh, long offset, int count) throws IOException {
        return call(PROC_READ, "READ at " + offset, new ReadArgs3(fh, offset, count)::encode, in -> {
            skipPostOpAttr(in);
            in.xdrDecodeInt();
            in.xdrDecodeBoolean();
            return in.xdrDecodeDynamicOpaque();
        });
    }

    private static byte[] created(XdrDecodingStream in) throws IOException {
        byte[] fh = in.xdrDecodeBoolean() ? in.xdrDecodeDynamicOpaque() : null;
        skipPostOpAttr(in);
        skipWcc(in);
        if (fh == null) {
            throw new IOException("the server made the object but sent no handle (LOOKUP not done by this bench)");
        }
        return fh;
    }

    private static void skipPostOpAttr(XdrDecodingStream in) throws IOException {
        if (in.xdrDecodeBoolean()) {
            skip(in, FATTR3_BYTES);
        }
    }

    private static void skipWcc(XdrDecodingStream in) throws IOException {
        if (in.xdrDecodeBoolean()) {
            skip(in, WCC_ATTR_BYTES);
        }
        skipPostOpAttr(in);
    }

    private static void skip(XdrDecodingStream in, int bytes) throws IOException {
        for (int i = 0; i < bytes; i += 4) {
            in.xdrDecodeInt();
        }
    }

    private <T> T call(int proc, String what, XdrBytes.Writer args, Body<T> body) throws IOException {
        Reply<T> reply = new Reply<>(body);
        RpcTransport t = transports.get(Math.floorMod(next.getAndIncrement(), transports.size()));
        try {
            new RpcCall(program, version, auth, t)
                    .call(proc, XdrBytes.writing(args), reply, TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException(what + ": no reply in " + TIMEOUT_S + " s", e);
        }
        if (reply.status != 0) {
            throw new IOException(what + ": status " + reply.status + " (RFC 1813 nfsstat3 / mountstat3)");
        }
        return reply.value;
    }

    @Override
    public void close() {
        for (OncRpcClient c : clients) {
            try {
                c.close();
            } catch (IOException e) {
                // closing on the way out: nothing left to do with the connection
            }
        }
    }

    /** The status word, then the body when it is OK. */
    private static final class Reply<T> implements XdrAble {
        private final Body<T> body;
        int status = -1;
        T value;

        Reply(Body<T> body) {
            this.body = body;
        }

        @Override
        public void xdrDecode(XdrDecodingStream in) throws IOException {
            status = in.xdrDecodeInt();
            if (status == 0) {
                value = body.read(in);
            }
        }

        @Override
        public void xdrEncode(XdrEncodingStream out) {
            throw new UnsupportedOperationException("replies are only read");
        }
    }
}
