package org.mfsj.common.types;

/** A host and TCP port, as peers advertise them to each other. */
public record ServerAddress(String host, int port) {
    public ServerAddress {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * Addresses written {@code host[:port],host[:port],...} (a list of masters); a host without a
     * port gets {@code defaultPort}. IllegalArgumentException names the part that is wrong.
     */
    public static java.util.List<ServerAddress> parseList(String text, int defaultPort) {
        java.util.List<ServerAddress> out = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.lastIndexOf(':');
            if (colon < 0) {
                out.add(new ServerAddress(p, defaultPort));
                continue;
            }
            try {
                out.add(new ServerAddress(p.substring(0, colon), Integer.parseInt(p.substring(colon + 1))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + p + "' in '" + text + "' is not host or host:port with a port"
                        + " 0-65535");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no address in '" + text + "': write host or host:port,host:port");
        }
        return out;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
