package org.mfsj.master.namespace.op;

import java.nio.charset.StandardCharsets;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;

/** Limits and flags of extended attributes, as Linux has them. */
public final class XattrRules {
    /** setxattr flag: fail with EEXIST if the attribute exists. */
    public static final int XATTR_CREATE = 1;
    /** setxattr flag: fail with ENODATA if the attribute does not exist. */
    public static final int XATTR_REPLACE = 2;
    public static final int MAX_NAME_BYTES = 255;
    public static final int MAX_VALUE_BYTES = 65536;
    private static final String TRUSTED = "trusted.";

    private XattrRules() {
    }

    /** Linux answers ERANGE for an empty or overlong name, since it cannot copy it in. */
    public static void checkName(String name) throws MfsException {
        if (name == null || name.isEmpty()) {
            throw new MfsException(Status.ERANGE, "empty xattr name");
        }
        if (name.indexOf('\0') >= 0) {
            throw new MfsException(Status.EINVAL, "xattr name contains NUL");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new MfsException(Status.ERANGE, "xattr name longer than " + MAX_NAME_BYTES + " bytes");
        }
    }

    /** As on Linux, where {@code trusted.*} needs CAP_SYS_ADMIN: only root sets or removes them. */
    public static void checkPrivileged(Creds c, String name) throws MfsException {
        if (name.startsWith(TRUSTED) && c.uid() != 0) {
            throw new MfsException(Status.EPERM, "only root may change xattr '" + name + "'");
        }
    }

    public static void checkValue(byte[] value) throws MfsException {
        if (value == null) {
            throw new MfsException(Status.EINVAL, "null xattr value");
        }
        if (value.length > MAX_VALUE_BYTES) {
            throw new MfsException(Status.ERANGE, "xattr value of " + value.length + " bytes");
        }
    }

    public static void checkFlags(int flags) throws MfsException {
        if ((flags & ~(XATTR_CREATE | XATTR_REPLACE)) != 0 || flags == (XATTR_CREATE | XATTR_REPLACE)) {
            throw new MfsException(Status.EINVAL, "xattr flags " + flags);
        }
    }
}
