package org.mfsj.nfs.exports;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** One entry of an export's client list: {@code *}, an address, or an address/prefix range. */
public record AddressMatch(byte[] network, int prefix, String text) {
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    public static final AddressMatch ANY = new AddressMatch(new byte[0], 0, "*");

    /** Parses {@code *}, {@code 10.1.2.3}, {@code 10.0.0.0/8} or an IPv6 literal with an optional prefix. */
    public static AddressMatch parse(String text) {
        if (text.equals("*")) {
            return ANY;
        }
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        // only literals: a host name would make the config depend on DNS at every call
        if (!LITERAL.matcher(addr).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not *, an IP address or address/prefix");
        }
        byte[] net;
        try {
            net = InetAddress.getByName(addr).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
        }
        int bits = net.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in '" + text + "'", e);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix length in '" + text + "' outside 0.." + bits);
            }
        }
        return new AddressMatch(net, prefix, text);
    }

    public boolean matches(InetAddress a) {
        if (network.length == 0) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (b[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (b[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressMatch m && m.prefix == prefix && Arrays.equals(m.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}
