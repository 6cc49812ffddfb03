package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.DirPage;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.Entry3;
import org.mfsj.nfs.v3.xdr.ReaddirArgs3;
import org.mfsj.nfs.v3.xdr.ReaddirReply3;
import org.mfsj.nfs.v3.xdr.Reply3;

/**
 * Procedures 16 (READDIR) and 17 (READDIRPLUS): as many entries after the cookie as fit the
 * client's byte count. Our cookies stay valid while their entry exists, whatever else changes, so
 * the cookie verifier is always zero and never checked. READDIRPLUS's dircount is a hint (RFC 1813)
 * and only maxcount limits the reply. "." and ".." come first, as cookies 1 and 2, which the
 * master never hands out: Linux's v3 client lists only what the server sends (knfsd sends them).
 */
public final class ReaddirProc implements Nfs3Procedure<ReaddirArgs3> {
    private static final byte[] VERIFIER = new byte[8];
    private static final int MAX_PAGE = 1024;
    /** Cookies 1 and 2 are "." and ".."; the master's start at 3, so it resumes after either from the start. */
    private static final long DOTS = 2;

    private final boolean plus;

    public ReaddirProc(boolean plus) {
        this.plus = plus;
    }

    @Override
    public ReaddirArgs3 decode(XdrDecodingStream in) throws IOException {
        return plus ? ReaddirArgs3.decodePlus(in) : ReaddirArgs3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, ReaddirArgs3 a) throws Nfs3Exception, MfsException {
        Node dir = call.dir(a.dir());
        Creds c = call.creds(dir.export());
        int max = (int) Math.min(Integer.toUnsignedLong(a.maxCount()), Nfs3.MAX_IO);
        int used = ReaddirReply3.EMPTY_SIZE;
        List<Entry3> out = new ArrayList<>();
        boolean full = false;
        boolean fromDots = a.cookie() >= 0 && a.cookie() < DOTS;
        for (long dot = a.cookie() + 1; fromDots && dot <= DOTS && !full; dot++) {
            Entry3 entry = dot(call, dir, c, dot);
            full = used + entry.size(plus) > max;
            if (!full) {
                out.add(entry);
                used += entry.size(plus);
            }
        }
        long cookie = fromDots ? 0 : a.cookie();
        boolean eof = false;
        while (!full && !eof) {
            int batch = Math.max(1, Math.min(MAX_PAGE, (max - used) / (plus ? 160 : 24) + 1));
            DirPage page = call.client().readdir(c, dir.inode(), cookie, batch, plus);
            for (DirEntry e : page.entries()) {
                Entry3 entry = entry(call, dir, e);
                if (used + entry.size(plus) > max) {
                    full = true;
                    break;
                }
                out.add(entry);
                used += entry.size(plus);
                cookie = e.cookie();
            }
            eof = !full && (page.eof() || page.entries().isEmpty());
        }
        if (out.isEmpty() && !eof) {
            throw new Nfs3Exception(Nfs3.ERR_TOOSMALL, "count " + max + " holds no entry");
        }
        return new ReaddirReply3(dir.attr(), call.fsid(), VERIFIER, out, eof, plus);
    }

    private Entry3 entry(Nfs3Call call, Node dir, DirEntry e) {
        if (!plus) {
            return new Entry3(e.inode(), e.name(), e.cookie(), null, null);
        }
        Attr attr = e.attr() != null ? e.attr() : call.attrOrNull(e.inode());
        byte[] fh = attr == null ? null : call.handle(dir.export(), attr);
        return new Entry3(e.inode(), e.name(), e.cookie(), attr, fh);
    }

    /**
     * "." (cookie 1) or ".." (cookie 2). The parent of an export's root is that root, as LOOKUP
     * says; a parent the caller may not look up (no search right on {@code dir}) is listed with
     * the directory's own number and no attributes rather than failing the whole listing.
     */
    private Entry3 dot(Nfs3Call call, Node dir, Creds c, long cookie) {
        Attr attr = dir.attr();
        if (cookie == DOTS && !call.gateway().isExportRoot(dir.export(), dir.inode())) {
            try {
                attr = call.client().lookup(c, dir.inode(), "..");
            } catch (MfsException e) {
                return new Entry3(dir.inode(), "..", cookie, null, null);
            }
        }
        String name = cookie == DOTS ? ".." : ".";
        if (!plus) {
            return new Entry3(attr.inode(), name, cookie, null, null);
        }
        return new Entry3(attr.inode(), name, cookie, attr, call.handle(dir.export(), attr));
    }

    @Override
    public int failWords() {
        return 1;
    }
}
