package org.mfsj.master.namespace.op;

import java.nio.charset.StandardCharsets;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/** Rules for a single path component. */
public final class Names {
    public static final int MAX_NAME_BYTES = 255;

    private Names() {
    }

    public static boolean isDot(String name) {
        return ".".equals(name) || "..".equals(name);
    }

    /** A component that may name an existing entry: non-empty, no '/' or NUL, at most 255 bytes. */
    public static void checkComponent(String name) throws MfsException {
        if (name == null || name.isEmpty()) {
            throw new MfsException(Status.EINVAL, "empty name");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new MfsException(Status.EINVAL, "name contains '/' or NUL");
        }
        // cheap bound first: a UTF-8 char is at least one byte and a UTF-16 unit at most three
        if (name.length() > MAX_NAME_BYTES / 3 && name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new MfsException(Status.ENAMETOOLONG, "name longer than " + MAX_NAME_BYTES + " bytes");
        }
    }

    /** A component for a new entry: additionally not "." or "..", which always exist (EEXIST). */
    public static void checkNew(String name) throws MfsException {
        checkComponent(name);
        if (isDot(name)) {
            throw new MfsException(Status.EEXIST, "'" + name + "'");
        }
    }
}
