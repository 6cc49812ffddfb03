package org.mfsj.tools.cmd;

import com.sun.security.auth.module.UnixSystem;
import java.util.List;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.tools.cluster.ClusterEnv;
import picocli.CommandLine.Option;

/**
 * Where the master is: {@code -H/-P}, else the cluster.env of $MFS_CLUSTER_DIR or ./var/local,
 * else MooseFS's default port on localhost.
 */
public final class ClientOptions {

    @Option(names = {"-H", "--master-host"}, description = "master host, or every master as host:port,host:port"
            + " (default: MFS_MASTERS from cluster.env, else localhost)")
    String host;

    @Option(names = {"-P", "--master-port"}, description = "master client port (default: from cluster.env, else 9421)")
    Integer port;

    ServerAddress master() {
        if (host != null && (host.contains(",") || host.contains(":"))) {
            return masters().get(0);
        }
        var env = ClusterEnv.find();
        String h = host != null ? host : env.flatMap(e -> e.get("MFS_MASTER_HOST")).orElse("127.0.0.1");
        int p = port != null ? port : env.flatMap(e -> e.get("MFS_MASTER_PORT")).map(Integer::parseInt).orElse(9421);
        return new ServerAddress(h, p);
    }

    /** Every master: -H as a list, else MFS_MASTERS of cluster.env, else the one {@link #master()}. */
    List<ServerAddress> masters() {
        if (host != null && (host.contains(",") || host.contains(":"))) {
            return ServerAddress.parseList(host, port != null ? port : 9421);
        }
        if (host == null && port == null) {
            var listed = ClusterEnv.find().flatMap(e -> e.get("MFS_MASTERS"));
            if (listed.isPresent() && !listed.get().isBlank()) {
                return ServerAddress.parseList(listed.get(), 9421);
            }
        }
        return List.of(master());
    }

    MfsClient connect() throws MfsException {
        return connect(ClientConfig.of(masters()).withClientInfo("mfs tool"));
    }

    /** Connects with {@code cfg}; a master that does not answer gets a message saying what to do. */
    MfsClient connect(ClientConfig cfg) throws MfsException {
        List<ServerAddress> m = cfg.masters();
        try {
            return MfsClient.connect(cfg);
        } catch (MfsException e) {
            if (e.status() == Status.DISCONNECTED || e.status() == Status.ETIMEDOUT) {
                throw new MfsException(e.status(), "no master leads at " + m + " (is the cluster running? start one"
                        + " with 'mfs up', or name the master with -H HOST -P PORT or MFS_CLUSTER_DIR)", e);
            }
            throw e;
        }
    }

    /** The local user, so POSIX permissions apply to the tools as to any other door. */
    static Creds localUser() {
        UnixSystem u = new UnixSystem();
        long[] groups = u.getGroups();
        int[] g = new int[groups == null ? 0 : groups.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = (int) groups[i];
        }
        return new Creds((int) u.getUid(), (int) u.getGid(), g);
    }

    static String parentOf(String path) {
        String p = normalize(path);
        int slash = p.lastIndexOf('/');
        return slash <= 0 ? "/" : p.substring(0, slash);
    }

    static String nameOf(String path) {
        String p = normalize(path);
        if (p.equals("/")) {
            throw new IllegalArgumentException("'/' has no name");
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** Absolute, no trailing slash, no empty components. */
    static String normalize(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("paths in the cluster are absolute: '" + path + "'");
        }
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                int slash = sb.lastIndexOf("/");
                sb.setLength(Math.max(slash, 0));
                continue;
            }
            sb.append('/').append(part);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    /**
     * Where a copy or move of {@code src} to {@code dst} lands: inside {@code dst} when that is an
     * existing directory (as mv and cp do), else at {@code dst} itself.
     */
    static String destination(MfsClient c, Creds me, String src, String dst) throws MfsException {
        String dstPath = normalize(dst);
        try {
            if (resolve(c, me, dstPath).isDirectory()) {
                return (dstPath.equals("/") ? "" : dstPath) + "/" + nameOf(src);
            }
        } catch (MfsException e) {
            if (e.status() != org.mfsj.common.status.Status.ENOENT) {
                throw e;
            }
        }
        return dstPath;
    }

    /** Resolves an absolute path; a failure names the path the user typed, not an inode number. */
    static org.mfsj.common.types.Attr resolve(MfsClient c, Creds me, String path) throws MfsException {
        try {
            return c.resolve(me, path);
        } catch (MfsException e) {
            throw new MfsException(e.status(), path + ": " + e.status().message(), e);
        }
    }
}
