package org.mfsj.tools.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/** Picks TCP ports on loopback: the preferred one when it is free, any free one otherwise. */
final class Ports {
    private final Set<Integer> taken = new HashSet<>();

    /** Marks a port as in use by this cluster already, so {@link #pick} never hands it out. */
    void reserve(int port) {
        taken.add(port);
    }

    int pick(int preferred) throws IOException {
        if (preferred > 0 && !taken.contains(preferred) && isFree(preferred)) {
            taken.add(preferred);
            return preferred;
        }
        for (int tries = 0; tries < 100; tries++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int p = s.getLocalPort();
                if (taken.add(p)) {
                    return p;
                }
            }
        }
        throw new IOException("no free TCP port on loopback");
    }

    static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean accepts(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
