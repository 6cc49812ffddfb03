package org.mfsj.nfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.config.ConfigException;
import org.mfsj.common.config.ConfigLoader;

class NfsConfigTest {
    static NfsConfig parse(String... lines) throws ConfigException {
        return NfsConfig.from(ConfigLoader.parse("mfsnfs.cfg", List.of(lines), NfsConfig.SCHEMA));
    }

    @Test
    void defaultsServeTheRootToLocalhost() throws Exception {
        NfsConfig c = parse();
        assertThat(c.nfsPort()).isEqualTo(2049);
        assertThat(c.mountPort()).isEqualTo(20048);
        assertThat(c.exports()).hasSize(1);
        assertThat(c.exports().get(0).path()).isEqualTo("/");
        assertThat(c.masterPassword()).isNull();
        assertThat(parse("MASTER_PASSWORD = s3cret").masterPassword()).isEqualTo("s3cret");
    }

    @Test
    void exportsAndPorts() throws Exception {
        NfsConfig c = parse("NFS_LISTEN_PORT = 12049", "MOUNT_LISTEN_PORT = 0",
                "EXPORT_1 = /a 127.0.0.1 rw", "EXPORT_3 = /b * ro,all_squash");
        assertThat(c.nfsPort()).isEqualTo(12049);
        assertThat(c.exports()).extracting(e -> e.path()).containsExactly("/a", "/b");
    }

    @Test
    void badLinesNameFileLineAndKey() {
        assertThatThrownBy(() -> parse("", "EXPORT_2 = /x * turbo"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mfsnfs.cfg").hasMessageContaining("EXPORT_2")
                .hasMessageContaining("unknown export option 'turbo'");
        assertThatThrownBy(() -> parse("EXPORT_1 =")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no EXPORT_n line");
        assertThatThrownBy(() -> parse("EXPORT_1 = /a *", "EXPORT_2 = /a/ *")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("exported twice");
        assertThatThrownBy(() -> parse("NFS_PORT = 1")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'NFS_PORT'");
    }
}
