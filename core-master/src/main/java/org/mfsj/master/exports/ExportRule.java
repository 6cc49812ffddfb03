package org.mfsj.master.exports;

import org.mfsj.common.types.Creds;

/**
 * One line of mfsexports.cfg: who ({@link AddressRange}) may mount what ({@code path}, or any
 * directory below it with {@code alldirs}), and how: read-only, root or everyone mapped to one
 * user, a password, and bounds on the goal and trash time they may set. {@code path} "." is
 * MooseFS's meta file system (trash), not mountable here yet.
 */
public record ExportRule(
        int line,
        AddressRange addresses,
        String path,
        boolean allDirs,
        boolean readOnly,
        Creds mapRoot,
        Creds mapAll,
        byte[] passwordMd5,
        int minGoal,
        int maxGoal,
        long minTrashSeconds,
        long maxTrashSeconds) {

    /** Everyone, everywhere, read-write, nobody mapped: the rule when there is no exports file. */
    public static ExportRule openToAll() {
        return new ExportRule(0, AddressRange.parse("*"), "/", true, false, null, null, null, 1, 9, 0, Long.MAX_VALUE);
    }

    public boolean needsPassword() {
        return passwordMd5 != null;
    }

    /** Does this line export {@code subdir} (normalised, starting with "/")? */
    public boolean covers(String subdir) {
        if (subdir.equals(path)) {
            return true;
        }
        return allDirs && (path.equals("/") || subdir.startsWith(path + "/"));
    }

    /** The identity a request of {@code c} is done as. */
    public Creds map(Creds c) {
        if (mapAll != null) {
            return mapAll;
        }
        if (mapRoot != null && c.isRoot()) {
            return mapRoot;
        }
        return c;
    }
}
