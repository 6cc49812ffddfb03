package org.mfsj.nfs.v4.op;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.DirPage;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.DirEntry;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.xdr.Bitmap4;
import org.mfsj.nfs.v4.xdr.Fattr4Codec;

/**
 * READDIR (26): entries after the cookie with the asked attributes, as many as fit maxcount. As
 * in v3, cookies outlive other entries' removal, so the verifier is zero and not checked.
 */
public final class ReaddirOp implements Nfs4Op<ReaddirOp.Args> {
    private static final int MAX_PAGE = 512;
    /** Status, verifier, end of list and eof words around the entries. */
    private static final int OVERHEAD = 4 + 8 + 4 + 4;

    /** READDIR4args. */
    public record Args(long cookie, byte[] verifier, int dirCount, int maxCount, Bitmap4 attrs) {
    }

    private record Entry(long cookie, String name, byte[] fattr) {
        int size() {
            return 4 + 8 + 4 + ((name.getBytes(StandardCharsets.UTF_8).length + 3) & ~3) + fattr.length;
        }
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(in.xdrDecodeLong(), XdrIn.fixed(in, 8), in.xdrDecodeInt(), in.xdrDecodeInt(),
                Bitmap4.decode(in));
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception, MfsException {
        Node dir = ctx.currentDir();
        int max = (int) Math.min(Integer.toUnsignedLong(a.maxCount()), Nfs3.MAX_IO);
        int used = OVERHEAD;
        List<Entry> out = new ArrayList<>();
        long cookie = a.cookie();
        boolean eof = false;
        boolean full = false;
        while (!full && !eof) {
            DirPage page = ctx.client().readdir(ctx.creds(dir.export()), dir.inode(), cookie, MAX_PAGE, true);
            for (DirEntry e : page.entries()) {
                Attr attr = e.attr() != null ? e.attr() : ctx.client().getattr(e.inode());
                byte[] fh = ctx.gateway().handle(dir.export(), attr);
                Entry entry = new Entry(e.cookie(), e.name(),
                        Fattr4Codec.encode(a.attrs(), GetattrOp.source(ctx, new Node(dir.export(), attr), fh)));
                if (used + entry.size() > max) {
                    full = true;
                    break;
                }
                out.add(entry);
                used += entry.size();
                cookie = e.cookie();
            }
            eof = !full && (page.eof() || page.entries().isEmpty());
        }
        if (out.isEmpty() && !eof) {
            throw new Nfs4Exception(Nfs4.ERR_TOOSMALL, "maxcount " + max + " holds no entry");
        }
        boolean end = eof;
        return o -> {
            o.xdrEncodeOpaque(new byte[8], 8);
            for (Entry e : out) {
                o.xdrEncodeBoolean(true);
                o.xdrEncodeLong(e.cookie());
                o.xdrEncodeString(e.name());
                o.xdrEncodeOpaque(e.fattr(), e.fattr().length);
            }
            o.xdrEncodeBoolean(false);
            o.xdrEncodeBoolean(end);
        };
    }
}
