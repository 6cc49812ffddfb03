package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mfs file tools against a real cluster, as a user types them. */
class CliIT {
    @TempDir
    static Path tmp;

    private static ClusterFixture fx;

    @BeforeAll
    static void startCluster() throws Exception {
        fx = new ClusterFixture(tmp.resolve("cluster"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    private record Run(int exit, byte[] out, String err) {
        String text() {
            return new String(out);
        }
    }

    private static Run mfs(byte[] stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "-H");
        all.add(2, "127.0.0.1");
        all.add(3, "-P");
        all.add(4, String.valueOf(fx.cluster.masterAddress().port()));
        MfsInJvm.Run r = MfsInJvm.run(stdin, all.toArray(String[]::new));
        return new Run(r.exit(), r.outBytes(), r.err());
    }

    private static Run mfs(String... args) {
        return mfs(new byte[0], args);
    }

    @Test
    void putGetLsMvRmThroughTheTools() throws Exception {
        byte[] data = new byte[3 << 20];
        new Random(5).nextBytes(data);
        Path local = tmp.resolve("local.bin");
        Files.write(local, data);

        assertThat(mfs("mkdir", "-p", "/a/b").exit).isZero();
        assertThat(mfs("put", "--goal", "2", local.toString(), "/a/b/f.bin").exit).isZero();
        assertThat(mfs(new byte[] {'h', 'i', '\n'}, "put", "-", "/a/hello").exit).isZero();

        assertThat(mfs("get", "/a/b/f.bin", "-").out).isEqualTo(data);
        Path back = tmp.resolve("back.bin");
        assertThat(mfs("get", "/a/hello", back.toString()).exit).isZero();
        assertThat(Files.readString(back)).isEqualTo("hi\n");

        Run ls = mfs("ls", "/a");
        assertThat(ls.text()).contains(" b").contains(" hello").containsPattern("\\s3 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} hello");

        assertThat(mfs("mv", "/a/hello", "/a/b").exit).isZero();
        assertThat(mfs("ls", "/a/b").text()).contains("hello").contains("f.bin");

        Run rmDir = mfs("rm", "/a");
        assertThat(rmDir.exit).isEqualTo(1);
        assertThat(rmDir.err).contains("/a: is a directory");
        assertThat(mfs("rm", "-r", "/a").exit).isZero();
        Run gone = mfs("ls", "/a");
        assertThat(gone.exit).isEqualTo(1);
        assertThat(gone.err).contains("/a: no such file or directory");
    }

    @Test
    void goalsFileinfoCheckfileAndStatus() throws Exception {
        Files.write(tmp.resolve("g.bin"), new byte[70 << 20]);
        assertThat(mfs("put", tmp.resolve("g.bin").toString(), "/g.bin").exit).isZero();
        assertThat(mfs("setgoal", "3", "/g.bin").exit).isZero();
        assertThat(mfs("getgoal", "/g.bin").text()).contains("/g.bin: 3");

        ClusterFixture.await("3 copies of each chunk", java.time.Duration.ofSeconds(60),
                () -> mfs("checkfile", "/g.bin").text().contains("chunks with 3 copies: 2"));
        Run info = mfs("fileinfo", "/g.bin");
        assertThat(info.text()).contains("chunk 0:").contains("chunk 1:").contains("copy 3:");
        for (int i = 1; i <= 3; i++) {
            assertThat(info.text()).contains(fx.cluster.chunkserverAddress(i).toString());
        }

        fx.client();
        Run status = mfs("status");
        assertThat(status.exit).isZero();
        assertThat(status.text()).contains("connected").contains("3 copies: 2").contains("undergoal: 0");
        // the test's own client session, listed with its name, state and counts
        assertThat(status.text()).containsPattern("\\d+ +it +\\S+ +connected +0 +0 +1");

        Run bad = mfs("setgoal", "0", "/g.bin");
        assertThat(bad.exit).isEqualTo(1);
        assertThat(bad.err).contains("EINVAL");
        assertThat(mfs("getgoal", "/g.bin").text()).contains("/g.bin: 3");
    }
}
