package org.mfsj.master.exports;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which client addresses an export line admits, in mfsexports.cfg's forms: {@code *},
 * {@code A.B.C.D}, {@code A.B.C.D/BITS}, {@code A.B.C.D/M.M.M.M} and {@code A.B.C.D-E.F.G.H}.
 * IPv4 only, as MooseFS; an IPv4-mapped IPv6 address counts as its IPv4 address.
 */
public record AddressRange(long first, long last, String text) {
    private static final long ALL = 0xFFFF_FFFFL;

    public static AddressRange parse(String s) {
        if (s.equals("*")) {
            return new AddressRange(0, ALL, s);
        }
        int dash = s.indexOf('-');
        if (dash > 0) {
            long from = ipv4(s.substring(0, dash));
            long to = ipv4(s.substring(dash + 1));
            if (to < from) {
                throw new IllegalArgumentException("address range " + s + " ends before it starts");
            }
            return new AddressRange(from, to, s);
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            long a = ipv4(s);
            return new AddressRange(a, a, s);
        }
        long base = ipv4(s.substring(0, slash));
        String m = s.substring(slash + 1);
        long mask = m.contains(".") ? ipv4(m) : maskOfBits(m);
        return new AddressRange(base & mask, (base & mask) | (~mask & ALL), s);
    }

    public boolean admits(InetAddress a) {
        long v = toLong(a);
        return v >= 0 && first <= v && v <= last;
    }

    /** The address as an unsigned 32-bit number, or -1 when it is no IPv4 address. */
    static long toLong(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            for (int i = 0; i < 10; i++) {
                if (b[i] != 0) {
                    return -1;
                }
            }
            if ((b[10] & 0xFF) != 0xFF || (b[11] & 0xFF) != 0xFF) {
                return -1;
            }
            return ((b[12] & 0xFFL) << 24) | ((b[13] & 0xFFL) << 16) | ((b[14] & 0xFFL) << 8) | (b[15] & 0xFFL);
        }
        if (!(a instanceof Inet4Address)) {
            return -1;
        }
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }

    private static long maskOfBits(String bits) {
        int n;
        try {
            n = Integer.parseInt(bits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + bits + "' is neither a netmask nor a number of bits");
        }
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("network bits " + n + " outside 0..32");
        }
        return n == 0 ? 0 : (ALL << (32 - n)) & ALL;
    }

    private static long ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + s + "' is not an IPv4 address");
        }
        long v = 0;
        for (String p : parts) {
            int octet;
            try {
                octet = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not an IPv4 address");
            }
            if (octet < 0 || octet > 255 || p.isEmpty() || p.length() > 3) {
                throw new IllegalArgumentException("'" + s + "' is not an IPv4 address");
            }
            v = (v << 8) | octet;
        }
        return v;
    }
}
