package org.mfsj.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mfsj.tools.bench.NfsBenchArgs.Phase;

class NfsBenchArgsTest {
    @Test
    void defaultsNeedOnlyThePorts() {
        NfsBenchArgs a = NfsBenchArgs.parse("--nfs-port", "2049", "--mount-port", "20048");
        assertThat(a.host()).isEqualTo("127.0.0.1");
        assertThat(a.export()).isEqualTo("/");
        assertThat(a.phases()).containsExactly(Phase.WRITE, Phase.READ, Phase.RANDOM, Phase.META);
        assertThat(a.sizeBytes()).isEqualTo(1L << 30);
        assertThat(a.ioKib()).isEqualTo(1024);
        assertThat(a.files()).isEqualTo(10_000);
        assertThat(a.outstanding()).isEqualTo(16);
    }

    @Test
    void takesEveryOption() {
        NfsBenchArgs a = NfsBenchArgs.parse("--nfs-port", "1", "--mount-port", "2", "--host", "198.18.0.1",
                "--export", "/mnt/x", "--dir", "d", "--phases", "read,META", "--size-mib", "3", "--io-kib", "64",
                "--files", "5", "--random-ops", "6", "--outstanding", "7", "--connections", "2");
        assertThat(a).isEqualTo(new NfsBenchArgs("198.18.0.1", 1, 2, "/mnt/x", "d",
                java.util.EnumSet.of(Phase.READ, Phase.META), 3, 64, 5, 6, 7, 2));
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(() -> NfsBenchArgs.parse("--mount-port", "2"))
                .hasMessageContaining("--nfs-port is required");
        assertThatThrownBy(() -> NfsBenchArgs.parse("--nfs-port", "70000", "--mount-port", "2"))
                .hasMessageContaining("not a TCP port");
        assertThatThrownBy(() -> NfsBenchArgs.parse("--nfs-port", "1", "--mount-port", "2", "--files", "0"))
                .hasMessageContaining("--files must be a positive integer");
        assertThatThrownBy(() -> NfsBenchArgs.parse("--nfs-port", "1", "--mount-port", "2", "--io-kib", "2048"))
                .hasMessageContaining("at most 1024");
        assertThatThrownBy(() -> NfsBenchArgs.parse("--nfs-port", "1", "--mount-port", "2", "--phases", "write,x"))
                .hasMessageContaining("unknown phase 'x'");
        assertThatThrownBy(() -> NfsBenchArgs.parse("--nfs-port", "1", "--mount-port", "2", "--bogus", "1"))
                .hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> NfsBenchArgs.parse("--nfs-port", "1", "--mount-port", "2", "--dir", "a/b"))
                .hasMessageContaining("one name");
        assertThatThrownBy(() -> NfsBenchArgs.parse("--nfs-port")).hasMessageContaining("expected '--option value'");
    }
}
