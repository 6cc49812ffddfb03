package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.tools.cluster.Door;
import org.mfsj.tools.cluster.LocalCluster;
import org.mfsj.tools.cluster.doors.MountDoor;
import org.mfsj.tools.cluster.doors.NfsDoor;
import org.mfsj.tools.cluster.doors.S3Door;

/** mfsexports.cfg as the master reads it, seen through core-client sessions of a real cluster. */
class ExportsIT {
    private static final Creds ROOT = Creds.ROOT;

    @TempDir
    Path tmp;

    private ClientConfig as(ClusterFixture fx, String subdir) {
        return ClientConfig.of(List.of(fx.cluster.masterAddress())).withSubdir(subdir).withClientInfo("exports it");
    }

    private static void refused(ClientConfig cfg, String reason) {
        assertThatThrownBy(() -> MfsClient.connect(cfg).close()).isInstanceOfSatisfying(MfsException.class, e -> {
            assertThat(e.status()).isEqualTo(Status.EACCES);
            assertThat(e.getMessage()).contains(reason);
        });
    }

    @Test
    void addressesReadOnlyPasswordsMaprootAndGoalBounds() throws Exception {
        Path dir = tmp.resolve("cluster");
        new LocalCluster(dir, new PrintStream(PrintStream.nullOutputStream()), List.of(), false);
        Files.writeString(dir.resolve("etc/mfsexports.cfg"), """
                127.0.0.2  /         rw,alldirs       # another machine
                127.0.0.1  /ro       ro
                127.0.0.1  /secret   rw,password=s3cret
                127.0.0.1  /squash   rw,maproot=1000:1000
                127.0.0.1  /         rw,maxgoal=3
                """);
        try (ClusterFixture fx = new ClusterFixture(dir)) {
            MfsClient admin = fx.client();
            long root = admin.rootInode();
            for (String d : List.of("ro", "secret", "squash")) {
                admin.mkdir(ROOT, root, d, 0777);
            }
            admin.create(ROOT, admin.lookup(ROOT, root, "ro").inode(), "existing", 0644);
            assertThatThrownBy(() -> admin.setGoal(ROOT, root, 4, false))
                    .isInstanceOfSatisfying(MfsException.class, e -> assertThat(e.status()).isEqualTo(Status.EPERM));
            assertThat(admin.setGoal(ROOT, root, 3, false)).isEqualTo(1);

            refused(as(fx, "/elsewhere"), "no export of '/elsewhere' to 127.0.0.1");
            refused(as(fx, "/secret"), "needs a password");
            refused(as(fx, "/secret").withPassword("guess"), "needs a password");
            try (MfsClient secret = MfsClient.connect(as(fx, "/secret").withPassword("s3cret"))) {
                assertThat(secret.create(ROOT, secret.rootInode(), "in", 0644).uid()).isZero();
            }

            try (MfsClient ro = MfsClient.connect(as(fx, "/ro"))) {
                long existing = ro.lookup(ROOT, ro.rootInode(), "existing").inode();
                ro.open(ROOT, existing, false).close();
                for (MfsCall call : List.<MfsCall>of(() -> ro.create(ROOT, ro.rootInode(), "new", 0644),
                        () -> ro.unlink(ROOT, ro.rootInode(), "existing"), () -> ro.open(ROOT, existing, true).close(),
                        () -> ro.mkdir(ROOT, ro.rootInode(), "d", 0755))) {
                    assertThatThrownBy(call::run).isInstanceOfSatisfying(MfsException.class,
                            e -> assertThat(e.status()).isEqualTo(Status.EROFS));
                }
            }
            assertThat(admin.lookup(ROOT, admin.lookup(ROOT, root, "ro").inode(), "existing")).isNotNull();

            try (MfsClient squashed = MfsClient.connect(as(fx, "/squash"))) {
                assertThat(squashed.create(ROOT, squashed.rootInode(), "by-root", 0644).uid()).isEqualTo(1000);
                Creds user = new Creds(2000, 2000, new int[0]);
                assertThat(squashed.create(user, squashed.rootInode(), "by-user", 0644).uid()).isEqualTo(2000);
            }
        }
    }

    @Test
    void mountAnswersTheExportsPassword() throws Exception {
        Assumptions.assumeTrue(MountDoor.available(), "no FUSE here (needs /dev/fuse and libfuse2)");
        Path dir = tmp.resolve("cluster");
        new LocalCluster(dir, new PrintStream(PrintStream.nullOutputStream()), List.of(), false);
        Files.writeString(dir.resolve("etc/mfsexports.cfg"), """
                127.0.0.1  /secret   rw,password=s3cret
                127.0.0.1  /         rw
                """);
        try (ClusterFixture fx = new ClusterFixture(dir)) {
            MfsClient admin = fx.client();
            long secretDir = admin.mkdir(ROOT, admin.rootInode(), "secret", 0777).inode();
            admin.create(ROOT, secretDir, "inside", 0644);
            ServerAddress master = fx.cluster.masterAddress();

            assertThatThrownBy(() -> MountProcess.start(tmp.resolve("guess"), master, "mfssubfolder=/secret",
                    "mfspassword=guess").close()).hasMessageContaining("needs a password");
            try (MountProcess m = MountProcess.start(tmp.resolve("right"), master, "mfssubfolder=/secret",
                    "mfspassword=s3cret")) {
                assertThat(Files.exists(m.path("inside"))).isTrue();
                Files.writeString(m.path("written"), "through the mount");
            }
            assertThat(admin.lookup(ROOT, secretDir, "written").length()).isEqualTo(17);
        }
    }

    @Test
    void gatewaysOpenAPasswordExport() throws Exception {
        Path dir = tmp.resolve("cluster");
        List<Door> gateways = List.of(new NfsDoor(), new S3Door("/", List.of("AKIDEXPORTS secret 0 0"), false));
        new LocalCluster(dir, new PrintStream(PrintStream.nullOutputStream()), gateways, false);
        Files.writeString(dir.resolve("etc/mfsexports.cfg"), "127.0.0.1  /  rw,alldirs,password=s3cret\n");
        for (String cfg : List.of("etc/mfsnfs.cfg", "etc/mfss3.cfg")) {
            Files.writeString(dir.resolve(cfg), "\nMASTER_PASSWORD = s3cret\n", StandardOpenOption.APPEND);
        }
        // a gateway opens its session before it listens: it is ready only if the master admitted it
        try (ClusterFixture fx = new ClusterFixture(dir, gateways)) {
            refused(ClientConfig.of(List.of(fx.cluster.masterAddress())).withClientInfo("exports it"),
                    "needs a password");
            assertThat(fx.cluster.daemon("nfs").isRunning()).isTrue();
            assertThat(fx.cluster.daemon("s3").isRunning()).isTrue();
        }
    }

    @FunctionalInterface
    private interface MfsCall {
        void run() throws Exception;
    }
}
