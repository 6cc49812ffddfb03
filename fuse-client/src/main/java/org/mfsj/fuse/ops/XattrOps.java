package org.mfsj.fuse.ops;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import jnr.ffi.Pointer;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.fuse.Perms;
import org.mfsj.fuse.cache.Names;
import org.mfsj.fuse.lowlevel.Request;

/**
 * Extended attributes. The kernel asks for "security.capability" before every write(2) to a FUSE
 * file (to drop file capabilities), and ls -l asks for "security.selinux" of every file it lists;
 * the attributes the master sends with every lookup and listing say whether the inode has any
 * extended attribute at all, and the absence of a "security." attribute is remembered for the
 * attribute timeout, so that a stream of writes or a listing is not a stream of master requests.
 */
public final class XattrOps {
    static final String SECURITY = "security.";
    private static final int MAX_REMEMBERED = 100_000;
    private static final String ACL_PREFIX = "system.posix_acl_";

    private final MfsClient client;
    private final Names names;
    private final long ttlNanos;
    private final LongSupplier clock;
    /** By inode: "security." names found absent, and when. */
    private final Map<Long, Map<String, Long>> absent = new ConcurrentHashMap<>();
    /** By inode: when this mount made it, without any attribute, so without any "security." one. */
    private final Map<Long, Long> madeBare = new ConcurrentHashMap<>();

    public XattrOps(MfsClient client, Names names, long ttlNanos, LongSupplier clock) {
        this.client = client;
        this.names = names;
        this.ttlNanos = ttlNanos;
        this.clock = clock;
    }

    public void getxattr(Request r, long inode, String name, long size) throws MfsException {
        if (name.startsWith(ACL_PREFIX)) {
            // no file has an ACL here; ls -l asks for every file it lists
            throw MfsException.answer(Status.ENODATA, name + " on inode " + inode + ": POSIX ACLs are not kept");
        }
        boolean security = name.startsWith(SECURITY);
        if (knownBare(r.creds(), inode) || security && knownAbsent(inode, name)) {
            throw MfsException.answer(Status.ENODATA, name + " on inode " + inode);
        }
        byte[] v;
        try {
            v = client.getxattr(r.creds(), inode, name);
        } catch (MfsException e) {
            if (security && e.status() == Status.ENODATA) {
                rememberAbsent(inode, name);
            }
            throw e;
        }
        answer(r, v, size, name);
    }

    /**
     * This mount just made {@code inode}: it has no extended attribute, so the kernel's question for
     * "security.capability" before the first write(2) to it is answered without the master, as for
     * a name found absent.
     */
    public void madeHere(long inode) {
        if (madeBare.size() > MAX_REMEMBERED) {
            madeBare.clear();
        }
        madeBare.put(inode, clock.getAsLong());
    }

    public void setxattr(Request r, long inode, String name, Pointer value, long size, int flags)
            throws MfsException {
        refuseAcl(name);
        byte[] v = new byte[(int) size];
        if (size > 0) {
            value.get(0, v, 0, v.length);
        }
        forgetAbsent(inode);
        client.setxattr(r.creds(), inode, name, v, flags);
        names.invalidate(inode);
        r.ok();
    }

    /** The names, each NUL-terminated, or the size they need when {@code size} is 0. */
    public void listxattr(Request r, long inode, long size) throws MfsException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Attr known = names.cachedAttr(inode);
        List<String> all = known != null && known.noXattrs() ? List.of() : client.listxattr(r.creds(), inode);
        for (String n : all) {
            out.writeBytes(n.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        answer(r, out.toByteArray(), size, "xattr names");
    }

    public void removexattr(Request r, long inode, String name) throws MfsException {
        refuseAcl(name);
        forgetAbsent(inode);
        client.removexattr(r.creds(), inode, name);
        names.invalidate(inode);
        r.ok();
    }

    /**
     * POSIX ACLs travel as "system.posix_acl_*" xattrs. Stored as plain values they would not
     * change the mode, yet programs that see them accepted (cp -a, tar) set modes through them
     * alone; refused, those programs fall back to chmod.
     */
    private static void refuseAcl(String name) throws MfsException {
        if (name.startsWith(ACL_PREFIX)) {
            throw new MfsException(Status.ENOTSUP, "POSIX ACLs are not supported (" + name + ")");
        }
    }

    /** Whether this mount made {@code inode} less than the attribute timeout ago (and set no attribute since). */
    public boolean madeHereRecently(long inode) {
        Long made = madeBare.get(inode);
        return made != null && clock.getAsLong() - made < ttlNanos;
    }

    /**
     * Whether the attributes this mount holds for {@code inode} (no older than the attribute
     * timeout) say it has no extended attribute, and the caller may read it: the master would then
     * answer ENODATA to any name (the kernel only passes names of 1 to 255 bytes without NUL).
     * With no attribute there is no ACL either, so the mode bits are the whole check.
     */
    private boolean knownBare(Creds c, long inode) {
        Attr known = names.cachedAttr(inode);
        return known != null && known.noXattrs() && Perms.allows(c, known, Perms.R);
    }

    private void forgetAbsent(long inode) {
        absent.remove(inode);
        madeBare.remove(inode);
    }

    private boolean knownAbsent(long inode, String name) {
        Long made = madeBare.get(inode);
        if (made != null) {
            if (clock.getAsLong() - made < ttlNanos) {
                return true;
            }
            madeBare.remove(inode, made);
        }
        Map<String, Long> seen = absent.get(inode);
        Long at = seen == null ? null : seen.get(name);
        if (at == null) {
            return false;
        }
        if (clock.getAsLong() - at >= ttlNanos) {
            seen.remove(name, at);
            return false;
        }
        return true;
    }

    private void rememberAbsent(long inode, String name) {
        if (absent.size() > MAX_REMEMBERED) {
            absent.clear();
        }
        absent.computeIfAbsent(inode, i -> new ConcurrentHashMap<>()).put(name, clock.getAsLong());
    }

    /** getxattr/listxattr convention: size 0 asks for the length; a smaller buffer is ERANGE. */
    private static void answer(Request r, byte[] v, long size, String what) throws MfsException {
        if (size == 0) {
            r.xattrSize(v.length);
            return;
        }
        if (size < v.length) {
            throw new MfsException(Status.ERANGE, what + " needs " + v.length + " bytes, buffer has " + size);
        }
        r.data(v, v.length);
    }
}
