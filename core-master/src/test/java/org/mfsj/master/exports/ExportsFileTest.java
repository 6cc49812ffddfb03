package org.mfsj.master.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.auth.PasswordProof;
import org.mfsj.common.config.ConfigException;
import org.mfsj.common.types.Creds;

class ExportsFileTest {
    @TempDir
    Path tmp;

    private LocalIds ids;

    @org.junit.jupiter.api.BeforeEach
    void ids() {
        ids = idsOf("root:x:0:0::/root:/bin/sh\nalice:x:1000:1001::/home/alice:/bin/sh\n", "root:x:0:\nstaff:x:50:\n");
    }

    private LocalIds idsOf(String passwd, String group) {
        try {
            Path p = Files.writeString(tmp.resolve("passwd"), passwd);
            Path g = Files.writeString(tmp.resolve("group"), group);
            return new LocalIds(p, g);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<ExportRule> parse(String... lines) throws ConfigException {
        return ExportsFile.parse("mfsexports.cfg", List.of(lines), ids);
    }

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void addressFormsAdmitWhatTheySay() throws Exception {
        assertThat(AddressRange.parse("*").admits(ip("203.0.113.9"))).isTrue();
        assertThat(AddressRange.parse("10.1.2.3").admits(ip("10.1.2.3"))).isTrue();
        assertThat(AddressRange.parse("10.1.2.3").admits(ip("10.1.2.4"))).isFalse();
        assertThat(AddressRange.parse("10.1.0.0/16").admits(ip("10.1.255.7"))).isTrue();
        assertThat(AddressRange.parse("10.1.0.0/255.255.0.0").admits(ip("10.2.0.1"))).isFalse();
        assertThat(AddressRange.parse("10.0.0.5-10.0.0.9").admits(ip("10.0.0.9"))).isTrue();
        assertThat(AddressRange.parse("10.0.0.5-10.0.0.9").admits(ip("10.0.0.10"))).isFalse();
        assertThat(AddressRange.parse("127.0.0.1").admits(ip("::ffff:127.0.0.1"))).isTrue();
        assertThat(AddressRange.parse("0.0.0.0/0").admits(ip("::1"))).as("no IPv4 address").isFalse();
    }

    @Test
    void optionsAreReadAsMooseFsWritesThem() throws Exception {
        List<ExportRule> rules = parse("# comment", "", "192.168.0.0/24 / rw,alldirs,maproot=alice,mingoal=2,maxgoal=3",
                "* /pub ro,mapall=1000:staff,maxtrashtime=1d12h  # trailing comment",
                "10.0.0.1 /a/../a//b/ password=secret");
        assertThat(rules).hasSize(3);
        ExportRule first = rules.get(0);
        assertThat(first.allDirs()).isTrue();
        assertThat(first.mapRoot()).isEqualTo(new Creds(1000, 1001, new int[0]));
        assertThat(first.map(Creds.ROOT).uid()).isEqualTo(1000);
        assertThat(first.map(new Creds(7, 7, new int[0])).uid()).as("only root is mapped").isEqualTo(7);
        assertThat(first.minGoal()).isEqualTo(2);
        assertThat(rules.get(1).readOnly()).isTrue();
        assertThat(rules.get(1).map(new Creds(7, 7, new int[0]))).isEqualTo(new Creds(1000, 50, new int[0]));
        assertThat(rules.get(1).maxTrashSeconds()).isEqualTo(129_600);
        assertThat(rules.get(2).path()).isEqualTo("/a/../a/b");
        assertThat(rules.get(2).needsPassword()).isTrue();
    }

    @Test
    void mistakesNameTheLineAndTheOption() {
        assertThatThrownBy(() -> parse("* / rw", "* / rw,frobnicate"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mfsexports.cfg:2")
                .hasMessageContaining("frobnicate");
        assertThatThrownBy(() -> parse("300.1.1.1 /")).hasMessageContaining("mfsexports.cfg:1")
                .hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> parse("* relative/path")).hasMessageContaining("neither");
        assertThatThrownBy(() -> parse("* / maproot=nosuchuser")).hasMessageContaining("unknown user 'nosuchuser'");
        assertThatThrownBy(() -> parse("* / mingoal=4,maxgoal=2")).hasMessageContaining("mingoal 4 above maxgoal 2");
        assertThatThrownBy(() -> parse("* / maxtrashtime=1x")).hasMessageContaining("bad duration");
        assertThatThrownBy(() -> parse("* / rw extra")).hasMessageContaining("ADDRESS DIRECTORY");
    }

    @Test
    void theFirstLineThatFitsDecidesAndPasswordsNeedTheRightAnswer() throws Exception {
        Exports exports = new Exports(parse("10.0.0.2 / rw,alldirs", "10.0.0.1 /ro ro", "10.0.0.1 /pw password=secret",
                "10.0.0.1 / rw"), "mfsexports.cfg");
        assertThat(exports.decide(ip("10.0.0.1"), "/ro", null, null).rule().readOnly()).isTrue();
        assertThat(exports.decide(ip("10.0.0.1"), "/", null, null).rule().line()).isEqualTo(4);
        Exports.Decision below = exports.decide(ip("10.0.0.1"), "/ro/sub", null, null);
        assertThat(below.admitted()).as("no alldirs on /ro").isFalse();
        assertThat(below.refusal()).contains("no export of '/ro/sub' to 10.0.0.1 in mfsexports.cfg");
        assertThat(exports.decide(ip("10.0.0.2"), "/any/thing", null, null).admitted()).isTrue();

        byte[] challenge = PasswordProof.challenge();
        byte[] right = PasswordProof.answer(PasswordProof.md5("secret"), challenge);
        byte[] wrong = PasswordProof.answer(PasswordProof.md5("guess"), challenge);
        assertThat(exports.decide(ip("10.0.0.1"), "/pw", challenge, right).admitted()).isTrue();
        assertThat(exports.decide(ip("10.0.0.1"), "/pw", challenge, wrong).refusal()).contains("needs a password");
        assertThat(exports.decide(ip("10.0.0.1"), "/pw", null, right).admitted()).as("no challenge given").isFalse();
    }
}
