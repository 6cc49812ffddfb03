package org.mfsj.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mfsj.common.config.SampleKeys.DATA_PATH;
import static org.mfsj.common.config.SampleKeys.LOCK_MEMORY;
import static org.mfsj.common.config.SampleKeys.MASTER_HOST;
import static org.mfsj.common.config.SampleKeys.MASTER_PORT;
import static org.mfsj.common.config.SampleKeys.SCHEMA;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigTest {
    @Test
    void defaultsAnswerEveryKeyAndSetNone() {
        Config config = ConfigLoader.defaults(SCHEMA);
        assertThat(config.get(MASTER_HOST)).isEqualTo("mfsmaster");
        assertThat(config.get(MASTER_PORT)).isEqualTo(9420);
        assertThat(config.get(DATA_PATH)).isEqualTo(Path.of("/var/lib/mfs"));
        assertThat(config.get(LOCK_MEMORY)).isFalse();
        assertThat(config.get(SampleKeys.HDD_LEAVE_SPACE)).isEqualTo(256L << 20);
        assertThat(SCHEMA.keys()).noneMatch(config::isSet);
        assertThat(config.source()).isEmpty();
        assertThat(config.schema()).isSameAs(SCHEMA);
    }

    @Test
    void withOverridesACopyAndLeavesTheOriginal() throws ConfigException {
        Config fromFile = ConfigLoader.parse("cs.cfg", List.of("MASTER_PORT = 9500"), SCHEMA);
        Config overridden = fromFile.with(MASTER_PORT, 19420).with(LOCK_MEMORY, true);

        assertThat(overridden.get(MASTER_PORT)).isEqualTo(19420);
        assertThat(overridden.get(LOCK_MEMORY)).isTrue();
        assertThat(overridden.isSet(LOCK_MEMORY)).isTrue();
        assertThat(overridden.isSet(MASTER_HOST)).isFalse();
        assertThat(fromFile.get(MASTER_PORT)).isEqualTo(9500);
        assertThat(fromFile.get(LOCK_MEMORY)).isFalse();
        assertThat(fromFile.isSet(LOCK_MEMORY)).isFalse();
    }

    @Test
    void settingTheDefaultValueStillCountsAsSet() {
        Config config = ConfigLoader.defaults(SCHEMA).with(MASTER_PORT, 9420);
        assertThat(config.isSet(MASTER_PORT)).isTrue();
    }

    @Test
    void withChecksTheKeysRange() {
        Config config = ConfigLoader.defaults(SCHEMA);
        assertThatThrownBy(() -> config.with(MASTER_PORT, 70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad value for MASTER_PORT: 70000 (expected an integer from 1 to 65535)");
        assertThatThrownBy(() -> config.with(MASTER_PORT, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void keysOutsideTheSchemaAreRefused() {
        Config config = ConfigLoader.defaults(SCHEMA);
        ConfigKey<Integer> other = ConfigKey.integer("MATOCS_LISTEN_PORT", 9420, 1, 65535, "Not ours.");
        ConfigKey<Integer> lookalike = ConfigKey.integer("MASTER_PORT", 1, 1, 65535, "Same name, other key.");

        assertThatThrownBy(() -> config.get(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key MATOCS_LISTEN_PORT is not part of mfschunkserver.cfg");
        assertThatThrownBy(() -> config.get(lookalike))
                .hasMessage("key MASTER_PORT is not part of mfschunkserver.cfg");
        assertThatThrownBy(() -> config.isSet(other)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.with(other, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNamesSetKeysButNotTheirValues() {
        Config config = ConfigLoader.defaults(SCHEMA).with(MASTER_HOST, "secret-host");
        assertThat(config.toString()).contains("mfschunkserver.cfg", "MASTER_HOST").doesNotContain("secret-host");
    }
}
