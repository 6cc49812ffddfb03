package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.DirChange;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.nfs.fs.ExclusiveVerifier;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.fs.Permissions;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.state.ClientRecord;
import org.mfsj.nfs.v4.state.OpenState;
import org.mfsj.nfs.v4.xdr.Bitmap4;
import org.mfsj.nfs.v4.xdr.ChangeInfo4;
import org.mfsj.nfs.v4.xdr.OpenArgs4;
import org.mfsj.nfs.v4.xdr.StateIds;

/**
 * OPEN (18) by name (CLAIM_NULL, with the create modes of RFC 8881 18.16 including EXCLUSIVE4_1),
 * by handle (CLAIM_FH) and as a reclaim in the grace period (CLAIM_PREVIOUS). Share reservations
 * are enforced among this gateway's opens. No delegations are handed out.
 */
public final class OpenOp implements Nfs4Op<OpenArgs4> {
    private static final int RESULT_CONFIRM = 0x2;
    private static final int RESULT_LOCKTYPE_POSIX = 0x4;
    private static final int WANT_MASK = 0xff00;

    @Override
    public OpenArgs4 decode(XdrDecodingStream in) throws IOException {
        return OpenArgs4.decode(in);
    }

    @Override
    public OpBody run(CompoundContext ctx, OpenArgs4 a) throws Nfs4Exception, MfsException {
        ClientRecord client = ctx.clientFor(a.clientId());
        int access = a.access() & ~WANT_MASK;
        if (access < Nfs4.SHARE_ACCESS_READ || access > Nfs4.SHARE_ACCESS_BOTH || a.deny() < 0 || a.deny() > 3) {
            throw new Nfs4Exception(Nfs4.ERR_INVAL, "share access " + a.access() + " deny " + a.deny());
        }
        if (ctx.minorVersion() == 0) {
            ctx.state().ownerSeqid(client.id(), a.owner(), a.seqid());
        }
        grace(ctx, client, a.claim());
        Node dir = null;
        Attr file;
        Bitmap4 set = Bitmap4.EMPTY;
        Attr dirAfter = null;
        switch (a.claim()) {
            case OpenArgs4.CLAIM_NULL -> {
                dir = ctx.currentDir();
                CompoundContext.checkName(a.name());
                if (a.how() >= 0) {
                    CompoundContext.writable(dir);
                    Made made = create(ctx, dir, a);
                    file = made.file();
                    dirAfter = made.dirAfter();
                    set = a.how() == OpenArgs4.EXCLUSIVE ? Bitmap4.EMPTY : a.attrs().bits();
                } else {
                    // fresh from the master (and kept): close-to-open wants what the last close left
                    file = ctx.gateway().lookup(ctx.creds(dir.export()), dir.inode(), a.name());
                }
            }
            // fresh, not the cache's: close-to-open
            case OpenArgs4.CLAIM_FH, OpenArgs4.CLAIM_PREVIOUS -> file = ctx.gateway().getattr(ctx.current().inode());
            default -> throw new Nfs4Exception(Nfs4.ERR_NOTSUPP, "claim " + a.claim() + " (no delegations)");
        }
        Node node = new Node(dir != null ? dir.export() : ctx.current().export(), file);
        checkFile(ctx, node, access);
        OpenState open = ctx.state().open(client, a.owner(), file.inode(), access, a.deny(), ctx.minorVersion() == 0);
        int rflags = RESULT_LOCKTYPE_POSIX | (ctx.state().needsConfirm(open) ? RESULT_CONFIRM : 0);
        ctx.setCurrent(node.export(), file);
        ctx.setCurrentStateId(open.stateid());
        ChangeInfo4 ci = dir == null ? new ChangeInfo4(0, 0)
                : ChangeInfo4.of(dir.attr(), dirAfter != null ? dirAfter : dir.attr());
        Bitmap4 attrset = set;
        return out -> {
            StateIds.encode(out, open.stateid());
            ci.encode(out);
            out.xdrEncodeInt(rflags);
            attrset.encode(out);
            out.xdrEncodeInt(0);
        };
    }

    private static void grace(CompoundContext ctx, ClientRecord client, int claim) throws Nfs4Exception {
        boolean reclaim = claim == OpenArgs4.CLAIM_PREVIOUS;
        boolean grace = ctx.state().inGrace();
        if (reclaim && (!grace || client.reclaimComplete())) {
            throw new Nfs4Exception(Nfs4.ERR_NO_GRACE, "reclaim outside the grace period");
        }
        if (!reclaim && grace) {
            throw new Nfs4Exception(Nfs4.ERR_GRACE, "grace period: only reclaims now");
        }
    }

    private static void checkFile(CompoundContext ctx, Node n, int access) throws Nfs4Exception, MfsException {
        Attr a = n.attr();
        if (a.type() != FileType.FILE) {
            throw new Nfs4Exception(a.isDirectory() ? Nfs4.ERR_ISDIR
                    : a.type() == FileType.SYMLINK ? Nfs4.ERR_SYMLINK : Nfs4.ERR_INVAL, "open of a " + a.type());
        }
        Creds c = ctx.creds(n.export());
        if ((access & Nfs4.SHARE_ACCESS_WRITE) != 0) {
            CompoundContext.writable(n);
            if (!Permissions.allowsIo(ctx.client(), a, c, true)) {
                throw new Nfs4Exception(Nfs4.ERR_ACCESS, "write open of inode " + a.inode());
            }
        }
        if ((access & Nfs4.SHARE_ACCESS_READ) != 0 && !Permissions.allowsIo(ctx.client(), a, c, false)) {
            throw new Nfs4Exception(Nfs4.ERR_ACCESS, "read open of inode " + a.inode());
        }
    }

    /** The file an OPEN made or found, and its directory's attributes after (null: unchanged). */
    private record Made(Attr file, Attr dirAfter) {
    }

    private static Made create(CompoundContext ctx, Node dir, OpenArgs4 a) throws Nfs4Exception, MfsException {
        Creds c = ctx.creds(dir.export());
        SetAttrRequest change = ctx.change(a.attrs());
        boolean exclusive = a.how() == OpenArgs4.EXCLUSIVE || a.how() == OpenArgs4.EXCLUSIVE4_1;
        int mode = (change.mask() & SetAttrMask.MODE) != 0 ? change.mode() : exclusive ? 0600 : 0644;
        try {
            DirChange made = ctx.gateway().change(cl -> cl.mknodWithDir(c, dir.inode(), a.name(), FileType.FILE,
                    mode, 0));
            SetAttrRequest rest = new SetAttrRequest(change.mask() & ~SetAttrMask.MODE, 0, change.uid(),
                    change.gid(), change.atimeNanos(), change.mtimeNanos(), change.length());
            if (exclusive) {
                rest = rest.and(ExclusiveVerifier.stamp(a.verifier()));
            }
            return new Made(rest.mask() == 0 ? made.entry() : ctx.gateway().setattr(c, made.entry().inode(), rest),
                    made.dir());
        } catch (MfsException e) {
            if (e.status() != Status.EEXIST || a.how() == OpenArgs4.GUARDED) {
                throw e;
            }
        }
        Attr existing = ctx.gateway().lookup(c, dir.inode(), a.name());
        if (exclusive) {
            if (!ExclusiveVerifier.matches(existing, a.verifier())) {
                throw new Nfs4Exception(Nfs4.ERR_EXIST, "'" + a.name() + "' exists with another verifier");
            }
            return new Made(existing, null);
        }
        if (existing.isFile() && change.changesLength()) {
            return new Made(ctx.gateway().setattr(c, existing.inode(), SetAttrRequest.truncate(change.length())), null);
        }
        return new Made(existing, null);
    }
}
