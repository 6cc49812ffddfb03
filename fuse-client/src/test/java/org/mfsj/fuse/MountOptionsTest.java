package org.mfsj.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.client.ClientConfig;
import org.mfsj.common.auth.PasswordProof;
import org.mfsj.common.types.ServerAddress;

class MountOptionsTest {
    private static final ServerAddress FALLBACK = new ServerAddress("127.0.0.1", 9421);

    @Test
    void defaultsAlwaysMountWithBigWritesAndOneSecondCaches() {
        MountOptions o = MountOptions.parse(null, null, null, List.of(), FALLBACK);
        assertThat(o.master()).isEqualTo(FALLBACK);
        assertThat(o.subdir()).isEqualTo("/");
        assertThat(o.readOnly()).isFalse();
        assertThat(o.libfuseOptions()).startsWith("big_writes,max_write=1048576,max_read=1048576,")
                .contains("fsname=mfsj:127.0.0.1:9421/").endsWith(",default_permissions");
        assertThat(MountOptions.parse(null, null, null, List.of("mfsnostdmountoptions"), FALLBACK).libfuseOptions())
                .doesNotContain("default_permissions");
        assertThat(o.cache().attrTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.cache().entryTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void readFollowerAsksTheClientToReadFromFollowers() {
        MountOptions o = MountOptions.parse(null, null, null, List.of("mfsreadfollower,allow_other"), FALLBACK);
        assertThat(o.readFromFollowers()).isTrue();
        assertThat(o.fuseOptions()).containsExactly("allow_other");
        assertThat(o.clientConfig(ClientConfig.of(FALLBACK)).readFromFollowers()).isTrue();
    }

    @Test
    void mfsmountKeysAndFuseOptions() {
        MountOptions o = MountOptions.parse(null, null, null, List.of(
                "mfsmaster=m1,mfsport=9999,mfssubfolder=/data,mfsattrcacheto=2.5,mfsnegentrycacheto=0.5",
                "mfsiotimeout=7,mfswritecachesize=128,mfsreadaheadsize=4,ro,allow_other"), FALLBACK);
        assertThat(o.master()).isEqualTo(new ServerAddress("m1", 9999));
        assertThat(o.subdir()).isEqualTo("/data");
        assertThat(o.cache().attrTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(o.cache().negEntryTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(CacheSettings.DEFAULTS.negEntryTimeout()).as("off unless asked for").isZero();
        assertThat(o.masterGoneTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(o.writeCacheBytes()).isEqualTo(128L << 20);
        assertThat(o.readAheadBytes()).isEqualTo(4L << 20);
        assertThat(o.readOnly()).isTrue();
        assertThat(o.fuseOptions()).containsExactly("ro", "allow_other");
        assertThat(o.readFromFollowers()).isFalse();
        assertThat(o.libfuseOptions()).endsWith(",default_permissions,ro,allow_other");
    }

    @Test
    void passwordGoesToTheSessionAsItsDigestAndNotToLibfuse() {
        MountOptions o = parse("mfspassword=s3cret");
        ClientConfig cfg = o.clientConfig(ClientConfig.of(FALLBACK));
        assertThat(cfg.passwordMd5()).isEqualTo(PasswordProof.md5("s3cret"));
        assertThat(o.libfuseOptions()).doesNotContain("s3cret");
        assertThat(parse("ro").clientConfig(ClientConfig.of(FALLBACK)).passwordMd5()).isNull();
    }

    @Test
    void commandLineFlagsWinOverOptionKeys() {
        MountOptions o = MountOptions.parse("h", 1234, "/sub", List.of("mfsmaster=m1,mfsport=9999,mfssubfolder=/x"),
                FALLBACK);
        assertThat(o.master()).isEqualTo(new ServerAddress("h", 1234));
        assertThat(o.subdir()).isEqualTo("/sub");
    }

    @Test
    void severalMastersInMfsmasterOrInTheHostFlag() {
        List<ServerAddress> three = List.of(new ServerAddress("m1", 1), new ServerAddress("m2", 9421),
                new ServerAddress("m3", 3));
        MountOptions o = parse("mfsmaster=m1:1;m2;m3:3,ro");
        assertThat(o.masters()).isEqualTo(three);
        assertThat(o.fuseOptions()).containsExactly("ro");
        assertThat(o.libfuseOptions()).contains(",fsname=mfsj:m1:1;m2:9421;m3:3/,");
        assertThat(MountOptions.parse("m1:1,m2,m3:3", null, null, List.of("mfsmaster=x"), FALLBACK).masters())
                .isEqualTo(three);
        assertThat(MountOptions.parse(null, null, null, List.of(), three).masters()).isEqualTo(three);
        assertThat(MountOptions.parse(null, null, null, List.of("mfsport=7"), three).masters())
                .containsExactly(new ServerAddress("m1", 7));
        assertThatThrownBy(() -> parse("mfsmaster=m1:x;m2")).hasMessageContaining("'m1:x'");
        assertThatThrownBy(() -> parse("mfsmaster=m1:0")).hasMessageContaining("1..65535");
    }

    @Test
    void badOptionsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> parse("mfsnosuch=1")).hasMessageContaining("unknown mount option 'mfsnosuch=1'");
        assertThatThrownBy(() -> parse("mfsport=abc")).hasMessageContaining("mfsport=abc");
        assertThatThrownBy(() -> parse("mfsport=70000")).hasMessageContaining("70000");
        assertThatThrownBy(() -> parse("mfsattrcacheto=-1")).hasMessageContaining("mfsattrcacheto=-1");
        assertThatThrownBy(() -> parse("mfsiotimeout=0")).hasMessageContaining("mfsiotimeout");
        assertThatThrownBy(() -> parse("mfsmaster")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> parse("mfssubfolder=rel")).hasMessageContaining("absolute");
    }

    private static MountOptions parse(String opts) {
        return MountOptions.parse(null, null, null, List.of(opts), FALLBACK);
    }
}
