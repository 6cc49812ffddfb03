package org.mfsj.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigKeyTest {
    private static final ConfigKey<Boolean> FLAG = ConfigKey.bool("FLAG", false, "A flag.");
    private static final ConfigKey<Integer> PORT = ConfigKey.integer("PORT", 9420, 1, 65535, "A port.");

    @ParameterizedTest
    @ValueSource(strings = {"1", "yes", "YES", "Yes", "true", "TRUE", "True", "on", "ON", " on "})
    void boolAcceptsTrueSpellings(String raw) {
        assertThat(FLAG.parse(raw)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "no", "NO", "No", "false", "FALSE", "False", "off", "OFF", "oFf"})
    void boolAcceptsFalseSpellings(String raw) {
        assertThat(ConfigKey.bool("FLAG", true, "A flag.").parse(raw)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "y", "n", "enabled", "truee", "-1"})
    void boolRejectsOtherWords(String raw) {
        assertThatThrownBy(() -> FLAG.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 0/1, yes/no, true/false or on/off");
    }

    @Test
    void boolFormatsAsZeroOrOne() {
        assertThat(FLAG.format(true)).isEqualTo("1");
        assertThat(FLAG.format(false)).isEqualTo("0");
    }

    @Test
    void integerAcceptsBothEndsOfItsRange() {
        assertThat(PORT.parse("1")).isEqualTo(1);
        assertThat(PORT.parse("65535")).isEqualTo(65535);
        assertThat(PORT.parse("+80")).isEqualTo(80);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "-1", "abc", "", "1.5", "0x50", "80 80", "99999999999"})
    void integerRejectsOutOfRangeAndNonNumbers(String raw) {
        assertThatThrownBy(() -> PORT.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected an integer from 1 to 65535");
    }

    @Test
    void integerRejectsNonAsciiDigits() {
        // Integer.parseInt alone would read Arabic-Indic "٨٠" as 80.
        assertThatThrownBy(() -> PORT.parse("\u0668\u0660")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longValueCoversTheFullLongRangeAndRejectsOverflow() {
        ConfigKey<Long> size = ConfigKey.longValue("SIZE", 0, 0, Long.MAX_VALUE, "A size.");
        assertThat(size.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> size.parse("9223372036854775808"))
                .hasMessage("expected an integer from 0 to 9223372036854775807");
        assertThatThrownBy(() -> size.parse("-1"))
                .hasMessage("expected an integer from 0 to 9223372036854775807");
    }

    @Test
    void pathKeepsRelativePathsAndRejectsEmpty() {
        ConfigKey<Path> dir = ConfigKey.path("DIR", Path.of("/var/lib/mfs"), "A dir.");
        assertThat(dir.parse("/srv/mfs data")).isEqualTo(Path.of("/srv/mfs data"));
        assertThat(dir.parse("rel/dir")).isEqualTo(Path.of("rel/dir"));
        assertThatThrownBy(() -> dir.parse("")).hasMessage("expected a path");
        assertThatThrownBy(() -> dir.parse("a\0b")).hasMessage("expected a path");
    }

    @Test
    void stringKeepsTheTextAsGiven() {
        ConfigKey<String> label = ConfigKey.string("LABEL", "", "A label.");
        assertThat(label.parse("a # b = c")).isEqualTo("a # b = c");
        assertThat(label.defaultValue()).isEmpty();
    }

    @Test
    void customKeyUsesItsParserAndExpectation() {
        ConfigKey<java.time.Duration> timeout = ConfigKey.custom("TIMEOUT", java.time.Duration.ofSeconds(5),
                "A timeout.", "an ISO-8601 duration such as PT5S", java.time.Duration::parse);
        assertThat(timeout.parse("PT1M")).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThatThrownBy(() -> timeout.parse("5s")).hasMessage("expected an ISO-8601 duration such as PT5S");
    }

    @Test
    void accessorsReturnTheDeclaration() {
        assertThat(PORT.name()).isEqualTo("PORT");
        assertThat(PORT.defaultValue()).isEqualTo(9420);
        assertThat(PORT.description()).isEqualTo("A port.");
        assertThat(PORT).hasToString("PORT");
    }

    @Test
    void declarationMistakesFailAtOnce() {
        assertThatThrownBy(() -> ConfigKey.integer("PORT", 0, 1, 65535, "A port."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad value for PORT: 0 (expected an integer from 1 to 65535)");
        assertThatThrownBy(() -> ConfigKey.integer("PORT", 5, 10, 1, "A port."))
                .hasMessage("config key PORT: min 10 > max 1");
        assertThatThrownBy(() -> ConfigKey.string("master_host", "x", "Lower case."))
                .hasMessageContaining("master_host");
        assertThatThrownBy(() -> ConfigKey.string("HOST", "x", " "))
                .hasMessage("config key HOST needs a description");
        assertThatThrownBy(() -> ConfigKey.string("HOST", null, "No default."))
                .isInstanceOf(NullPointerException.class);
    }
}
