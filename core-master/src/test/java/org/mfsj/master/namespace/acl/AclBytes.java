package org.mfsj.master.namespace.acl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds ACL xattrs as setfacl does: "u::rw-,u:1001:r--,g::r--,m::r--,o::---" -> bytes. */
public final class AclBytes {
    private AclBytes() {
    }

    public static byte[] of(String text) {
        String[] parts = text.split(",");
        ByteBuffer b = ByteBuffer.allocate(4 + 8 * parts.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(2);
        for (String p : parts) {
            String[] f = p.split(":");
            boolean named = !f[1].isEmpty();
            int tag = switch (f[0]) {
                case "u" -> named ? PosixAcl.USER : PosixAcl.USER_OBJ;
                case "g" -> named ? PosixAcl.GROUP : PosixAcl.GROUP_OBJ;
                case "m" -> PosixAcl.MASK;
                case "o" -> PosixAcl.OTHER;
                default -> throw new IllegalArgumentException(p);
            };
            int perm = (f[2].charAt(0) == 'r' ? 4 : 0) | (f[2].charAt(1) == 'w' ? 2 : 0) | (f[2].charAt(2) == 'x' ? 1 : 0);
            b.putShort((short) tag).putShort((short) perm).putInt(named ? Integer.parseInt(f[1]) : -1);
        }
        return b.array();
    }
}
