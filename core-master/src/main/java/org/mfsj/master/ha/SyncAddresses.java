package org.mfsj.master.ha;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import org.mfsj.common.types.ServerAddress;

/** How masters name each other: by host (a name or an address, compared resolved) and port. */
final class SyncAddresses {
    private SyncAddresses() {
    }

    static boolean same(ServerAddress a, ServerAddress b) {
        if (a.port() != b.port()) {
            return false;
        }
        if (a.host().equalsIgnoreCase(b.host())) {
            return true;
        }
        try {
            return InetAddress.getByName(a.host()).equals(InetAddress.getByName(b.host()));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether {@code a} names this machine's port {@code port}: this master, if it is its sync port. */
    static boolean isLocal(ServerAddress a, int port) {
        if (a.port() != port) {
            return false;
        }
        try {
            InetAddress ip = InetAddress.getByName(a.host());
            return ip.isLoopbackAddress() || ip.isAnyLocalAddress() || NetworkInterface.getByInetAddress(ip) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }
}
