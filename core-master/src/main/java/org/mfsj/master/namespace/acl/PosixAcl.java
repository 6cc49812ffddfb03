package org.mfsj.master.namespace.acl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;

/**
 * A POSIX.1e access control list in the form Linux passes it through
 * {@code system.posix_acl_access} / {@code system.posix_acl_default}: a little-endian version
 * (2), then entries of (tag u16, perm u16, id u32). Kept in that form as an xattr, so FUSE and
 * NFS see exactly what setfacl wrote; parsed here to check access and to follow chmod.
 */
public final class PosixAcl {
    public static final String ACCESS = "system.posix_acl_access";
    public static final String DEFAULT = "system.posix_acl_default";

    static final int USER_OBJ = 0x01;
    static final int USER = 0x02;
    static final int GROUP_OBJ = 0x04;
    static final int GROUP = 0x08;
    static final int MASK = 0x10;
    static final int OTHER = 0x20;
    private static final int VERSION = 2;
    private static final int UNDEFINED_ID = -1;

    record Entry(int tag, int perm, int id) {
    }

    private final List<Entry> entries;

    private PosixAcl(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(Entry::tag).thenComparingInt(Entry::id));
        this.entries = List.copyOf(sorted);
    }

    /** EINVAL for anything setfacl would not have written. */
    public static PosixAcl parse(byte[] xattr) throws MfsException {
        if (xattr.length < 4 || (xattr.length - 4) % 8 != 0) {
            throw new MfsException(Status.EINVAL, "ACL of " + xattr.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(xattr).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt() != VERSION) {
            throw new MfsException(Status.EINVAL, "ACL version is not 2");
        }
        List<Entry> entries = new ArrayList<>();
        while (b.hasRemaining()) {
            int tag = b.getShort() & 0xFFFF;
            int perm = b.getShort() & 0xFFFF;
            int id = b.getInt();
            boolean named = tag == USER || tag == GROUP;
            entries.add(new Entry(tag, perm, named ? id : UNDEFINED_ID));
        }
        PosixAcl acl = new PosixAcl(entries);
        acl.validate();
        return acl;
    }

    private void validate() throws MfsException {
        int[] counts = new int[0x21];
        Set<Long> named = new HashSet<>();
        for (Entry e : entries) {
            if (e.tag > OTHER || Integer.bitCount(e.tag) != 1 || e.perm > 7) {
                throw new MfsException(Status.EINVAL, "ACL entry tag " + e.tag + " perm " + e.perm);
            }
            counts[e.tag]++;
            if ((e.tag == USER || e.tag == GROUP) && !named.add(((long) e.tag << 32) | (e.id & 0xFFFF_FFFFL))) {
                throw new MfsException(Status.EINVAL, "ACL names id " + e.id + " twice");
            }
        }
        if (counts[USER_OBJ] != 1 || counts[GROUP_OBJ] != 1 || counts[OTHER] != 1 || counts[MASK] > 1) {
            throw new MfsException(Status.EINVAL, "ACL needs one owner, one group and one other entry");
        }
        if (!named.isEmpty() && counts[MASK] == 0) {
            throw new MfsException(Status.EINVAL, "ACL with named entries needs a mask");
        }
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(4 + 8 * entries.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(VERSION);
        for (Entry e : entries) {
            b.putShort((short) e.tag).putShort((short) e.perm).putInt(e.id);
        }
        return b.array();
    }

    /** Only owner, group and other: the mode bits say it all and no xattr need be kept. */
    public boolean isMinimal() {
        return entries.size() == 3;
    }

    /** The rwxrwxrwx bits this ACL shows as mode: owner, mask (or group), other. */
    public int modeBits() {
        Entry mask = find(MASK);
        int group = mask != null ? mask.perm : find(GROUP_OBJ).perm;
        return (find(USER_OBJ).perm << 6) | (group << 3) | find(OTHER).perm;
    }

    /** After chmod: owner, mask (or group when there is no mask) and other follow the new mode. */
    public PosixAcl withMode(int mode) {
        boolean hasMask = find(MASK) != null;
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            int perm = switch (e.tag) {
                case USER_OBJ -> (mode >> 6) & 7;
                case MASK -> (mode >> 3) & 7;
                case GROUP_OBJ -> hasMask ? e.perm : (mode >> 3) & 7;
                case OTHER -> mode & 7;
                default -> e.perm;
            };
            out.add(new Entry(e.tag, perm, e.id));
        }
        return new PosixAcl(out);
    }

    /**
     * The access ACL a new inode gets under a directory with this default ACL: the default's
     * entries, with owner, mask (or group) and other limited by the mode asked for.
     */
    public PosixAcl inheritedBy(int mode) {
        return withMode(modeBits() & mode & 0777);
    }

    /** The POSIX.1e check (root is handled by the caller): owner, named user, groups, other. */
    public boolean allows(Creds c, int ownerUid, int ownerGid, int want) {
        if (c.uid() == ownerUid) {
            return (find(USER_OBJ).perm & want) == want;
        }
        Entry mask = find(MASK);
        int limit = mask != null ? mask.perm : 7;
        for (Entry e : entries) {
            if (e.tag == USER && e.id == c.uid()) {
                return (e.perm & limit & want) == want;
            }
        }
        boolean inAnyGroup = false;
        for (Entry e : entries) {
            boolean member = (e.tag == GROUP_OBJ && c.inGroup(ownerGid)) || (e.tag == GROUP && c.inGroup(e.id));
            if (member) {
                inAnyGroup = true;
                if ((e.perm & limit & want) == want) {
                    return true;
                }
            }
        }
        return !inAnyGroup && (find(OTHER).perm & want) == want;
    }

    private Entry find(int tag) {
        for (Entry e : entries) {
            if (e.tag == tag) {
                return e;
            }
        }
        return null;
    }
}
