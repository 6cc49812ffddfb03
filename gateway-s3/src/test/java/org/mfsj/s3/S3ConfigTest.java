package org.mfsj.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.config.ConfigException;
import org.mfsj.s3.auth.Users;

class S3ConfigTest {
    @TempDir
    Path dir;

    @Test
    void keysAreReadAndTheUsersFileIsFoundNextToTheConfig() throws Exception {
        Path cfg = Files.writeString(dir.resolve("mfss3.cfg"), "# gateway\nLISTEN_PORT = 9100\nS3_ROOT = /data/s3\n"
                + "USERS_FILE = users.cfg\nDOMAIN = s3.local\nMIN_PART_SIZE = 1048576\nMASTER_PASSWORD = s3cret\n");
        S3Config c = S3Config.load(cfg);
        assertThat(c.listenPort()).isEqualTo(9100);
        assertThat(c.s3Root()).isEqualTo("/data/s3");
        assertThat(c.usersFile()).isEqualTo(dir.resolve("users.cfg"));
        assertThat(c.domain()).isEqualTo("s3.local");
        assertThat(c.minPartSize()).isEqualTo(1 << 20);
        assertThat(c.masterPort()).isEqualTo(9421);
        assertThat(c.masterPassword()).isEqualTo("s3cret");
        assertThat(c.withDomain("other").masterPassword()).as("kept by the with* copies").isEqualTo("s3cret");
        assertThat(S3Config.load(dir.resolve("missing.cfg")).listenPort()).isEqualTo(9000);
        assertThat(S3Config.load(dir.resolve("missing.cfg")).masterPassword()).isNull();
    }

    @Test
    void aBadKeyNamesFileLineAndKey() throws Exception {
        Path cfg = Files.writeString(dir.resolve("mfss3.cfg"), "LISTEN_PORT = 9100\nLISTEN_PROT = 1\n");
        assertThatThrownBy(() -> S3Config.load(cfg)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("mfss3.cfg:2").hasMessageContaining("LISTEN_PROT");
    }

    @Test
    void usersFile() throws Exception {
        Users u = Users.parse("users", List.of("# comment", "", "AK1 secret1 1000 100", "AK2\tsecret2  0 0"));
        assertThat(u.find("AK1").orElseThrow().uid()).isEqualTo(1000);
        assertThat(u.find("AK2").orElseThrow().secretKey()).isEqualTo("secret2");
        assertThat(u.find("AK3")).isEmpty();
        assertThatThrownBy(() -> Users.parse("users", List.of("AK1 s 1 1", "AK1 t 2 2")))
                .hasMessageContaining("users:2").hasMessageContaining("listed twice");
        assertThatThrownBy(() -> Users.parse("users", List.of("AK1 s one 1"))).hasMessageContaining("bad uid/gid");
        assertThatThrownBy(() -> Users.parse("users", List.of("AK1 s 1"))).hasMessageContaining("got 3 fields")
                .hasMessageNotContaining("AK1 s");
    }
}
