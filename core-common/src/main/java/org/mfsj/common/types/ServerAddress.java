package org.mfsj.common.types;

/** A host and TCP port, as peers advertise them to each other. */
public record ServerAddress(String host, int port) {
    public ServerAddress {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
