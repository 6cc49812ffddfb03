package org.mfsj.fuse;

import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;

/**
 * The classic Unix check, as the master applies it, for the decisions the mount takes alone:
 * open, access(2), and search permission on directories walked through cached names. Exactly one
 * of the owner, group (primary or supplementary) or other triplets applies.
 */
public final class Perms {
    public static final int R = 4;
    public static final int W = 2;
    public static final int X = 1;

    private Perms() {
    }

    public static boolean allows(Creds c, Attr a, int want) {
        if (c.isRoot()) {
            // root may do anything but execute a file nobody may execute
            return (want & X) == 0 || a.isDirectory() || (a.mode() & 0111) != 0;
        }
        int bits;
        if (c.uid() == a.uid()) {
            bits = a.mode() >> 6;
        } else if (c.inGroup(a.gid())) {
            bits = a.mode() >> 3;
        } else {
            bits = a.mode();
        }
        return (bits & want) == want;
    }
}
