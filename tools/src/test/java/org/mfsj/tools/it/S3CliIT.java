package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 tools Debian ships (aws-cli 2, s3cmd, rclone) against the gateway process over a real cluster. */
class S3CliIT {
    @TempDir
    static Path tmp;

    static S3GatewayFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new S3GatewayFixture(tmp.resolve("cluster"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    record Run(int exit, String out) {
    }

    static Run run(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path log = Files.createTempFile(tmp, "out", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("HOME", home.toString());
        // a null value takes the variable away from the child
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in 180 s:\n" + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    static Run ok(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        Run r = run(env, cmd);
        assertThat(r.exit()).as(String.join(" ", cmd) + " said:\n" + r.out() + "\ngateway log:\n" + fx.gatewayLog())
                .isZero();
        return r;
    }

    static Path tree(String name, int files, int size, long seed) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Random rnd = new Random(seed);
        for (int i = 0; i < files; i++) {
            Path f = dir.resolve(i % 3 == 0 ? "sub/f" + i : "f" + i + ".dat");
            Files.createDirectories(f.getParent());
            byte[] b = new byte[size + i];
            rnd.nextBytes(b);
            Files.write(f, b);
        }
        return dir;
    }

    static Path bigFile(String name, int size) throws IOException {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return Files.write(tmp.resolve(name), b);
    }

    // ---- aws-cli 2 (Debian's, with the classic signer: BOTO_DISABLE_CRT) ----

    static Run aws(String... args) throws IOException, InterruptedException {
        return awsAt(List.of("--endpoint-url", fx.endpoint().toString()), args);
    }

    static Run awsAt(List<String> endpoint, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/aws"));
        cmd.addAll(endpoint);
        cmd.addAll(List.of(args));
        return ok(Map.of("AWS_ACCESS_KEY_ID", S3GatewayFixture.AK, "AWS_SECRET_ACCESS_KEY", S3GatewayFixture.SK,
                "AWS_DEFAULT_REGION", "us-east-1", "BOTO_DISABLE_CRT", "true", "AWS_PAGER", ""),
                cmd.toArray(String[]::new));
    }

    @Test
    void awsCli() throws Exception {
        aws("s3", "mb", "s3://awscli");
        Path big = bigFile("aws-big.bin", 20 << 20);
        aws("s3", "cp", big.toString(), "s3://awscli/dir/big.bin");
        Path down = tmp.resolve("aws-down.bin");
        aws("s3", "cp", "s3://awscli/dir/big.bin", down.toString());
        assertThat(Files.mismatch(big, down)).isEqualTo(-1L);
        assertThat(aws("s3", "ls", "s3://awscli/dir/").out()).contains("big.bin").contains(String.valueOf(20 << 20));
        Path src = tree("aws-tree", 12, 5000, 1);
        Run first = aws("s3", "sync", src.toString(), "s3://awscli/tree/");
        assertThat(first.out()).contains("upload:");
        Run second = aws("s3", "sync", src.toString(), "s3://awscli/tree/");
        assertThat(second.out()).doesNotContain("upload:");
        Path back = tmp.resolve("aws-back");
        aws("s3", "sync", "s3://awscli/tree/", back.toString());
        assertSameTree(src, back);
        aws("s3", "rm", "--recursive", "s3://awscli/");
        assertThat(aws("s3", "ls", "--recursive", "s3://awscli/").out()).isBlank();
        aws("s3", "rb", "s3://awscli");
    }

    @Test
    void awsCliAndCurlOverHttpsTrustingTheGatewaysCertificate() throws Exception {
        List<String> https = List.of("--endpoint-url", fx.tlsEndpoint().toString(), "--ca-bundle",
                fx.certificate().toString());
        awsAt(https, "s3", "mb", "s3://awstls");
        Path big = bigFile("aws-tls.bin", 9 << 20);
        awsAt(https, "s3", "cp", big.toString(), "s3://awstls/big.bin");
        Path down = tmp.resolve("aws-tls-down.bin");
        awsAt(https, "s3", "cp", "s3://awstls/big.bin", down.toString());
        assertThat(Files.mismatch(big, down)).isEqualTo(-1L);
        // curl verifies the certificate too; unsigned, it gets S3's refusal over the TLS connection
        Run anon = ok(Map.of(), "/usr/bin/curl", "-sS", "--cacert", fx.certificate().toString(),
                fx.tlsEndpoint() + "/awstls/big.bin");
        assertThat(anon.out()).contains("<Code>AccessDenied</Code>");
        Map<String, String> systemCas = new java.util.HashMap<>();
        systemCas.put("CURL_CA_BUNDLE", null);
        systemCas.put("SSL_CERT_FILE", null);
        Run untrusted = run(systemCas, "/usr/bin/curl", "-sS", fx.tlsEndpoint() + "/awstls/big.bin");
        assertThat(untrusted.exit()).as("curl trusting only the system's CAs: " + untrusted.out())
                .isEqualTo(60); // CURLE_PEER_FAILED_VERIFICATION
        awsAt(https, "s3", "rm", "--recursive", "s3://awstls/");
        awsAt(https, "s3", "rb", "s3://awstls");
    }

    @Test
    void directoryMarkersAreDirectoriesForAwsRcloneAndTheFileSystem() throws Exception {
        aws("s3", "mb", "s3://markers");
        assertThat(aws("s3api", "put-object", "--bucket", "markers", "--key", "photos/").out())
                .contains("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(aws("s3api", "head-object", "--bucket", "markers", "--key", "photos/").out())
                .contains("\"ContentLength\": 0");
        Path pic = bigFile("marker-pic.bin", 30_000);
        aws("s3", "cp", pic.toString(), "s3://markers/photos/pic.bin");
        String listed = aws("s3api", "list-objects-v2", "--bucket", "markers", "--prefix", "photos/", "--delimiter",
                "/").out();
        assertThat(listed).contains("\"Key\": \"photos/\"").contains("\"Key\": \"photos/pic.bin\"");
        // for the file system the marker is the directory itself
        var client = fx.cluster.client();
        assertThat(client.resolve(ClusterFixture.ROOT, S3GatewayFixture.S3_ROOT + "/markers/photos").isDirectory())
                .isTrue();
        // rclone sees a folder holding one file, copies it, and checks it byte for byte
        assertThat(rclone("lsf", "-R", "mfs:markers").out().lines().filter(l -> !l.contains(" NOTICE: ")).toList())
                .containsExactlyInAnyOrder("photos/", "photos/pic.bin");
        Path back = tmp.resolve("marker-back");
        rclone("copy", "mfs:markers", back.toString());
        assertThat(Files.mismatch(pic, back.resolve("photos/pic.bin"))).isEqualTo(-1L);
        rclone("check", back.toString(), "mfs:markers");
        // deleting the object keeps the marked directory; deleting the marker then removes it
        aws("s3", "rm", "s3://markers/photos/pic.bin");
        assertThat(aws("s3api", "list-objects-v2", "--bucket", "markers").out()).contains("\"Key\": \"photos/\"");
        aws("s3api", "delete-object", "--bucket", "markers", "--key", "photos/");
        assertThat(aws("s3api", "list-objects-v2", "--bucket", "markers").out()).doesNotContain("photos");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.resolve(ClusterFixture.ROOT,
                S3GatewayFixture.S3_ROOT + "/markers/photos")).isInstanceOf(java.io.IOException.class);
        aws("s3", "rb", "s3://markers");
    }

    // ---- s3cmd ----

    static Run s3cmd(String... args) throws IOException, InterruptedException {
        Path cfg = tmp.resolve("s3cfg");
        String host = "127.0.0.1:" + fx.port;
        Files.writeString(cfg, "[default]\naccess_key = " + S3GatewayFixture.AK + "\nsecret_key = "
                + S3GatewayFixture.SK + "\nhost_base = " + host + "\nhost_bucket = " + host
                + "\nuse_https = False\nsignature_v2 = False\nbucket_location = us-east-1\n");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/s3cmd", "-c", cfg.toString()));
        cmd.addAll(List.of(args));
        return ok(Map.of(), cmd.toArray(String[]::new));
    }

    @Test
    void s3cmd() throws Exception {
        s3cmd("mb", "s3://s3cmd");
        Path big = bigFile("s3cmd-big.bin", 18 << 20);
        s3cmd("put", big.toString(), "s3://s3cmd/big.bin");
        Path down = tmp.resolve("s3cmd-down.bin");
        s3cmd("get", "s3://s3cmd/big.bin", down.toString());
        assertThat(Files.mismatch(big, down)).isEqualTo(-1L);
        assertThat(s3cmd("ls", "s3://s3cmd/").out()).contains("s3://s3cmd/big.bin");
        Path src = tree("s3cmd-tree", 9, 3000, 2);
        s3cmd("sync", src + "/", "s3://s3cmd/tree/");
        Run again = s3cmd("sync", src + "/", "s3://s3cmd/tree/");
        assertThat(again.out()).doesNotContain("upload:");
        s3cmd("del", "--recursive", "--force", "s3://s3cmd/");
        assertThat(s3cmd("ls", "--recursive", "s3://s3cmd/").out()).isBlank();
        s3cmd("rb", "s3://s3cmd");
    }

    // ---- rclone (it refuses the environment's AWS_CA_BUNDLE, so that is taken away) ----

    static Run rclone(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/rclone"));
        cmd.addAll(List.of(args));
        Map<String, String> env = new java.util.HashMap<>(Map.of("RCLONE_CONFIG_MFS_TYPE", "s3",
                "RCLONE_CONFIG_MFS_PROVIDER", "Other", "RCLONE_CONFIG_MFS_ENDPOINT", fx.endpoint().toString(),
                "RCLONE_CONFIG_MFS_ACCESS_KEY_ID", S3GatewayFixture.AK,
                "RCLONE_CONFIG_MFS_SECRET_ACCESS_KEY", S3GatewayFixture.SK,
                "RCLONE_CONFIG_MFS_REGION", "us-east-1", "RCLONE_CONFIG", tmp.resolve("rclone.conf").toString()));
        env.put("AWS_CA_BUNDLE", null);
        return ok(env, cmd.toArray(String[]::new));
    }

    @Test
    void rclone() throws Exception {
        rclone("mkdir", "mfs:rclone");
        Path src = tree("rclone-tree", 15, 70_000, 3);
        Files.write(src.resolve("large.bin"), new byte[12 << 20]);
        rclone("copy", src.toString(), "mfs:rclone/tree");
        rclone("check", src.toString(), "mfs:rclone/tree");
        Files.writeString(src.resolve("f1.dat"), "changed");
        Files.delete(src.resolve("f2.dat"));
        rclone("sync", src.toString(), "mfs:rclone/tree");
        rclone("check", src.toString(), "mfs:rclone/tree");
        Path back = tmp.resolve("rclone-back");
        rclone("copy", "mfs:rclone/tree", back.toString());
        assertSameTree(src, back);
        rclone("purge", "mfs:rclone");
    }

    static void assertSameTree(Path a, Path b) throws IOException {
        List<Path> left;
        try (var s = Files.walk(a)) {
            left = s.filter(Files::isRegularFile).map(a::relativize).sorted().toList();
        }
        List<Path> right;
        try (var s = Files.walk(b)) {
            right = s.filter(Files::isRegularFile).map(b::relativize).sorted().toList();
        }
        assertThat(right).isEqualTo(left);
        for (Path p : left) {
            assertThat(Files.mismatch(a.resolve(p), b.resolve(p))).as(p.toString()).isEqualTo(-1L);
        }
    }
}
