package org.mfsj.nfs.mount;

import java.io.IOException;
import java.util.Optional;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.nfs.exports.Export;
import org.mfsj.nfs.fs.Gateway;
import org.mfsj.nfs.rpc.Caller;
import org.mfsj.nfs.rpc.XdrIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MNT: the root handle of an export, or of a directory below one (the deepest export that
 * contains the path decides who may mount it and how).
 */
public final class MntProc implements MountProcedure<String> {
    private static final Logger LOG = LoggerFactory.getLogger(MntProc.class);

    private final Gateway gateway;
    private final MountTable mounts;

    public MntProc(Gateway gateway, MountTable mounts) {
        this.gateway = gateway;
        this.mounts = mounts;
    }

    @Override
    public String decode(XdrDecodingStream in) throws IOException {
        return XdrIn.string(in, Mount.MNTPATHLEN, "dirpath");
    }

    @Override
    public XdrAble run(Caller caller, String path) {
        Optional<Export> found = exportOf(path);
        if (found.isEmpty()) {
            LOG.info("mount {} {}: not exported", caller, path);
            return MountReplies.mountFailed(Mount.ERR_NOENT);
        }
        Export e = found.get();
        if (!e.admits(caller.peer())) {
            LOG.info("mount {} {}: refused by export {}", caller, path, e.path());
            return MountReplies.mountFailed(Mount.ERR_ACCES);
        }
        try {
            gateway.exportRoot(e);
            Attr dir = gateway.client().resolve(Creds.ROOT, Export.normalize(path));
            if (!dir.isDirectory()) {
                return MountReplies.mountFailed(Mount.ERR_NOTDIR);
            }
            mounts.add(caller.peer().getAddress().getHostAddress(), path);
            LOG.info("mount {} {}: granted", caller, path);
            return MountReplies.mountOk(gateway.handle(e, dir));
        } catch (MfsException ex) {
            LOG.info("mount {} {}: {}", caller, path, ex.getMessage());
            return MountReplies.mountFailed(switch (ex.status()) {
                case ENOENT -> Mount.ERR_NOENT;
                case ENOTDIR -> Mount.ERR_NOTDIR;
                case EACCES, EPERM -> Mount.ERR_ACCES;
                case ENAMETOOLONG -> Mount.ERR_NAMETOOLONG;
                case EINVAL -> Mount.ERR_INVAL;
                default -> Mount.ERR_IO;
            });
        }
    }

    private Optional<Export> exportOf(String asked) {
        String path;
        try {
            path = Export.normalize(asked);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Export best = null;
        for (Export e : gateway.exports().all()) {
            String p = e.path();
            boolean inside = p.equals("/") || path.equals(p) || path.startsWith(p + "/");
            if (inside && (best == null || p.length() > best.path().length())) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }
}
