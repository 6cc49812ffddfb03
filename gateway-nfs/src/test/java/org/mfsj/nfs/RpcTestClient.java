package org.mfsj.nfs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dcache.oncrpc4j.rpc.OncRpcClient;
import org.dcache.oncrpc4j.rpc.RpcAuth;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeNone;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeUnix;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcTransport;
import org.dcache.oncrpc4j.rpc.net.IpProtocolType;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.nfs.rpc.XdrBytes;

/**
 * An RPC client for tests: arguments are written by hand word by word, replies come back as a
 * {@link XdrReader} to be read field by field, so the tests check the wire format itself rather
 * than the gateway's own codecs.
 */
public final class RpcTestClient implements AutoCloseable {
    /** Writes a call's arguments. */
    public interface Args {
        void write(XdrEncodingStream out);
    }

    private final OncRpcClient client;
    private final RpcTransport transport;
    private final int program;
    private final int version;
    private RpcAuth auth;

    public RpcTestClient(InetSocketAddress server, int program, int version) throws IOException {
        this(server, program, version, IpProtocolType.TCP);
    }

    public RpcTestClient(InetSocketAddress server, int program, int version, int protocol) throws IOException {
        this.client = new OncRpcClient(server.getAddress(), protocol, server.getPort());
        this.transport = client.connect();
        this.program = program;
        this.version = version;
        as(0, 0);
    }

    /** Later calls carry AUTH_SYS with this uid and gid. */
    public RpcTestClient as(int uid, int gid, int... groups) {
        auth = new RpcAuthTypeUnix(uid, gid, groups, 0, "test");
        return this;
    }

    public RpcTestClient anonymous() {
        auth = new RpcAuthTypeNone();
        return this;
    }

    public XdrReader call(int proc, Args args) throws IOException {
        Capture result = new Capture();
        RpcCall call = new RpcCall(program, version, auth, transport);
        try {
            call.call(proc, XdrBytes.writing(args::write), result, 10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no reply to proc " + proc, e);
        }
        return new XdrReader(result.bytes);
    }

    public XdrReader call(int proc) throws IOException {
        return call(proc, out -> {
        });
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** Keeps the raw reply body. */
    private static final class Capture implements XdrAble {
        byte[] bytes;

        @Override
        public void xdrDecode(XdrDecodingStream in) throws IOException {
            Xdr xdr = (Xdr) in;
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            while (xdr.hasMoreData()) {
                int v = in.xdrDecodeInt();
                out.write(v >>> 24);
                out.write(v >>> 16);
                out.write(v >>> 8);
                out.write(v);
            }
            bytes = out.toByteArray();
        }

        @Override
        public void xdrEncode(XdrEncodingStream out) {
            throw new UnsupportedOperationException();
        }
    }
}
