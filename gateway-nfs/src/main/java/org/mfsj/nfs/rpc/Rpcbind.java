package org.mfsj.nfs.rpc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.dcache.oncrpc4j.portmap.GenericPortmapClient;
import org.dcache.oncrpc4j.portmap.OncPortmapClient;
import org.dcache.oncrpc4j.portmap.OncRpcPortmap;
import org.dcache.oncrpc4j.rpc.OncRpcClient;
import org.dcache.oncrpc4j.rpc.net.InetSocketAddresses;
import org.dcache.oncrpc4j.rpc.net.IpProtocolType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration with the local rpcbind, when one runs. Without one the gateway works the same and
 * clients name the ports themselves (mount -o port=,mountport=; libnfs ?nfsport=&mountport=).
 */
public final class Rpcbind implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Rpcbind.class);

    /** One program version served on one port and transport. */
    public record Service(int program, int version, String netid, InetSocketAddress address) {
    }

    private final List<Service> registered = new ArrayList<>();

    /** Registers what it can; a missing rpcbind is one log line, not an error. */
    public static Rpcbind register(List<Service> services) {
        Rpcbind r = new Rpcbind();
        if (!answers()) {
            LOG.info("no rpcbind on port {}: clients must be given the NFS and MOUNT ports", OncRpcPortmap.PORTMAP_PORT);
            return r;
        }
        String owner = System.getProperty("user.name");
        try (OncRpcClient rpc = new OncRpcClient(InetAddress.getLoopbackAddress(), IpProtocolType.UDP,
                OncRpcPortmap.PORTMAP_PORT)) {
            OncPortmapClient pm = new GenericPortmapClient(rpc.connect());
            for (Service s : services) {
                // a stale entry of an earlier run would make SET fail
                pm.unsetPort(s.program(), s.version(), owner);
            }
            for (Service s : services) {
                String uaddr = InetSocketAddresses.uaddrOf(s.address());
                if (pm.setPort(s.program(), s.version(), s.netid(), uaddr, owner)) {
                    r.registered.add(s);
                    LOG.info("rpcbind: program {} version {} {} at {}", s.program(), s.version(), s.netid(), uaddr);
                } else {
                    LOG.warn("rpcbind refused program {} version {} {}", s.program(), s.version(), s.netid());
                }
            }
        } catch (Exception e) {
            LOG.warn("rpcbind registration failed: {}", e.toString());
        }
        return r;
    }

    private static boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), OncRpcPortmap.PORTMAP_PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (registered.isEmpty()) {
            return;
        }
        String owner = System.getProperty("user.name");
        try (OncRpcClient rpc = new OncRpcClient(InetAddress.getLoopbackAddress(), IpProtocolType.UDP,
                OncRpcPortmap.PORTMAP_PORT)) {
            OncPortmapClient pm = new GenericPortmapClient(rpc.connect());
            for (Service s : registered) {
                pm.unsetPort(s.program(), s.version(), owner);
            }
        } catch (Exception e) {
            LOG.warn("rpcbind unregistration failed: {}", e.toString());
        }
        registered.clear();
    }
}
