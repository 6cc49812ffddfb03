package org.mfsj.tools.it;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.Attr;

/**
 * Two files whose POSIX ACLs (in Linux's system.posix_acl_access form, as setfacl writes it)
 * contradict their mode bits for uid 1000: one it may read although the mode says no, one it
 * may not although the mode says yes. Doors that judged by the mode bits alone get both wrong.
 */
final class AclFiles {
    static final String GRANTED = "acl-granted";
    static final String DENIED = "acl-denied";
    static final String CONTENT = "read through an ACL\n";
    static final int USER_ID = 1000;

    private static final int USER_OBJ = 0x01;
    private static final int USER = 0x02;
    private static final int GROUP_OBJ = 0x04;
    private static final int MASK = 0x10;
    private static final int OTHER = 0x20;

    private AclFiles() {
    }

    /** Makes both files in {@code dir}, owned by root. */
    static void create(MfsClient client, long dir) throws Exception {
        make(client, dir, GRANTED, 0600, acl(USER_OBJ, 6, USER, 4, GROUP_OBJ, 0, MASK, 4, OTHER, 0));
        make(client, dir, DENIED, 0644, acl(USER_OBJ, 6, USER, 0, GROUP_OBJ, 4, MASK, 4, OTHER, 4));
    }

    private static void make(MfsClient client, long dir, String name, int mode, byte[] acl) throws Exception {
        Attr f = client.create(ClusterFixture.ROOT, dir, name, mode);
        try (FileHandle h = client.open(ClusterFixture.ROOT, f.inode(), true)) {
            byte[] data = CONTENT.getBytes(StandardCharsets.UTF_8);
            h.write(0, data, 0, data.length);
            h.flush();
        }
        client.setxattr(ClusterFixture.ROOT, f.inode(), "system.posix_acl_access", acl, 0);
    }

    /** Pairs of (tag, perm); the named USER entry is for {@link #USER_ID}. */
    private static byte[] acl(int... tagPerm) {
        ByteBuffer b = ByteBuffer.allocate(4 + tagPerm.length / 2 * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(2);
        for (int i = 0; i < tagPerm.length; i += 2) {
            b.putShort((short) tagPerm[i]).putShort((short) tagPerm[i + 1]);
            b.putInt(tagPerm[i] == USER ? USER_ID : -1);
        }
        return b.array();
    }
}
