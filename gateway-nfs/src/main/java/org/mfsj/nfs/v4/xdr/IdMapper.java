package org.mfsj.nfs.v4.xdr;

/**
 * Owner names of NFSv4. With AUTH_SYS clients send and expect numeric ids as strings (Linux does
 * by default), which is what we send; we accept those and {@code id@domain} of our domain too.
 * There is no user database behind the gateway, so names like "alice@domain" are refused.
 */
public final class IdMapper {
    private final String domain;

    public IdMapper(String domain) {
        this.domain = domain;
    }

    public String user(int uid) {
        return Integer.toUnsignedString(uid);
    }

    public String group(int gid) {
        return Integer.toUnsignedString(gid);
    }

    /** The id a name stands for, or -1 when it is not one we understand (BADOWNER). */
    public long parse(String name) {
        String n = name;
        int at = n.indexOf('@');
        if (at >= 0) {
            if (!n.substring(at + 1).equalsIgnoreCase(domain)) {
                return -1;
            }
            n = n.substring(0, at);
        }
        if (n.isEmpty() || n.length() > 10 || !n.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long v = Long.parseLong(n);
        return v > 0xffffffffL ? -1 : v;
    }
}
