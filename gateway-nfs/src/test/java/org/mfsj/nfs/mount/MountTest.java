package org.mfsj.nfs.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.rpc.net.IpProtocolType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mfsj.nfs.GatewayFixture;
import org.mfsj.nfs.RpcTestClient;
import org.mfsj.nfs.XdrReader;

/** MOUNT v3 over TCP and UDP: MNT with its refusals, DUMP, UMNT, UMNTALL, EXPORT. */
class MountTest {
    GatewayFixture gw;
    RpcTestClient mount;

    @BeforeEach
    void start() throws Exception {
        gw = new GatewayFixture();
        mount = new RpcTestClient(gw.server.mountAddress(), Mount.PROGRAM, Mount.VERSION);
    }

    @AfterEach
    void stop() throws Exception {
        mount.close();
        gw.close();
    }

    int mnt(RpcTestClient c, String path) throws Exception {
        XdrReader r = c.call(Mount.PROC_MNT, out -> out.xdrEncodeString(path));
        int status = r.i();
        if (status == 0) {
            assertThat(r.opaque()).hasSize(28);
            assertThat(r.i()).isEqualTo(1);
            assertThat(r.i()).isEqualTo(Mount.AUTH_UNIX);
        }
        r.end();
        return status;
    }

    @Test
    void mntGivesHandlesOfExportsAndDirectoriesBelowThem() throws Exception {
        gw.fs.mkdir(org.mfsj.common.types.Creds.ROOT,
                gw.fs.lookup(org.mfsj.common.types.Creds.ROOT, gw.fs.rootInode(), "ro").inode(), "sub", 0755);
        assertThat(mnt(mount, "/")).isZero();
        assertThat(mnt(mount, "/ro")).isZero();
        assertThat(mnt(mount, "/ro/sub/")).isZero();
        assertThat(mnt(mount, "/nonexistent")).isEqualTo(Mount.ERR_NOENT);
        assertThat(mnt(mount, "relative")).isEqualTo(Mount.ERR_NOENT);
        assertThat(mnt(mount, "/secure")).as("secure export, unprivileged port").isEqualTo(Mount.ERR_ACCES);
    }

    @Test
    void mntOverUdp() throws Exception {
        try (RpcTestClient udp = new RpcTestClient(gw.server.mountUdpAddress(), Mount.PROGRAM, Mount.VERSION,
                IpProtocolType.UDP)) {
            assertThat(mnt(udp, "/")).isZero();
        }
    }

    @Test
    void dumpListsMountsUntilUnmounted() throws Exception {
        mnt(mount, "/");
        mnt(mount, "/ro");
        assertThat(dump()).containsExactlyInAnyOrder("127.0.0.1:/", "127.0.0.1:/ro");
        mount.call(Mount.PROC_UMNT, out -> out.xdrEncodeString("/ro")).end();
        assertThat(dump()).containsExactly("127.0.0.1:/");
        mount.call(Mount.PROC_UMNTALL).end();
        assertThat(dump()).isEmpty();
    }

    List<String> dump() throws Exception {
        XdrReader r = mount.call(Mount.PROC_DUMP);
        List<String> out = new ArrayList<>();
        while (r.b()) {
            out.add(r.str() + ":" + r.str());
        }
        r.end();
        return out;
    }

    @Test
    void exportListsPathsAndClients() throws Exception {
        XdrReader r = mount.call(Mount.PROC_EXPORT);
        List<String> exports = new ArrayList<>();
        while (r.b()) {
            String path = r.str();
            List<String> groups = new ArrayList<>();
            while (r.b()) {
                groups.add(r.str());
            }
            exports.add(path + " " + String.join(",", groups));
        }
        r.end();
        assertThat(exports).containsExactly("/ 127.0.0.1", "/ro 127.0.0.0/8", "/squashed *", "/secure 127.0.0.1");
    }

    @Test
    void garbageAndUnknownProcedures() throws Exception {
        assertThatThrownBy(() -> mount.call(Mount.PROC_MNT, out -> out.xdrEncodeInt(5000)))
                .isInstanceOf(OncRpcException.class).hasMessageContaining("GARBAGE_ARGS");
        assertThatThrownBy(() -> mount.call(9)).isInstanceOf(OncRpcException.class)
                .hasMessageContaining("PROC_UNAVAIL");
        mount.call(Mount.PROC_NULL).end();
    }
}
