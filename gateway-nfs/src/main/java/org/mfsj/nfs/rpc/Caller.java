package org.mfsj.nfs.rpc;

import com.sun.security.auth.UnixNumericGroupPrincipal;
import com.sun.security.auth.UnixNumericUserPrincipal;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.dcache.oncrpc4j.rpc.RpcAuthType;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.mfsj.common.types.Creds;

/**
 * Who sent a call: the peer address and the identity its AUTH_SYS credential claims. Calls with
 * AUTH_NONE (or a flavour we do not speak) carry no identity: {@link #creds} is null and exports
 * treat them as the anonymous user.
 */
public record Caller(InetSocketAddress peer, Creds creds, int xid) {

    public static Caller of(RpcCall call) {
        InetSocketAddress peer = call.getTransport().getRemoteSocketAddress();
        Creds creds = null;
        if (call.getCredential().type() == RpcAuthType.UNIX) {
            creds = fromSubject(call.getCredential().getSubject().getPrincipals());
        }
        return new Caller(peer, creds, call.getXid());
    }

    private static Creds fromSubject(Iterable<Principal> principals) {
        Long uid = null;
        Long gid = null;
        List<Integer> groups = new ArrayList<>();
        for (Principal p : principals) {
            if (p instanceof UnixNumericUserPrincipal u) {
                uid = u.longValue();
            } else if (p instanceof UnixNumericGroupPrincipal g) {
                if (g.isPrimaryGroup()) {
                    gid = g.longValue();
                } else {
                    groups.add((int) g.longValue());
                }
            }
        }
        if (uid == null || gid == null) {
            return null;
        }
        return new Creds(uid.intValue(), gid.intValue(), groups.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public String toString() {
        return peer.getAddress().getHostAddress() + ":" + peer.getPort() + " xid=" + Integer.toUnsignedString(xid);
    }
}
