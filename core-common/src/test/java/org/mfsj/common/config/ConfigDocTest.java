package org.mfsj.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigDocTest {
    @Test
    void rendersEachKeyCommentedOutAtItsDefault() {
        ConfigSchema schema = ConfigSchema.of("mfsmaster.cfg",
                ConfigKey.integer("MATOCS_LISTEN_PORT", 9420, 1, 65535, "Port for chunkservers."),
                ConfigKey.bool("AUTO_REPAIR", true, "Repair damaged chunks.\nSet 0 to only report them."),
                ConfigKey.string("ADMIN_PASSWORD", "", "Password for admin commands; empty means none."));

        assertThat(ConfigDoc.render(schema)).isEqualTo("""
                # mfsmaster.cfg: every setting, commented out at its default.
                # Uncomment a line and change its value to override the default.

                # Port for chunkservers.
                # MATOCS_LISTEN_PORT = 9420

                # Repair damaged chunks.
                # Set 0 to only report them.
                # AUTO_REPAIR = 1

                # Password for admin commands; empty means none.
                # ADMIN_PASSWORD =
                """);
    }

    @Test
    void renderedFileParsesToDefaultsWithNothingSet() throws ConfigException {
        List<String> lines = ConfigDoc.render(SampleKeys.SCHEMA).lines().toList();
        Config config = ConfigLoader.parse("sample.cfg", lines, SampleKeys.SCHEMA);
        assertThat(SampleKeys.SCHEMA.keys()).noneMatch(config::isSet);
    }

    @Test
    void uncommentingEveryKeyLineGivesBackTheDefaults() throws ConfigException {
        List<String> lines = ConfigDoc.render(SampleKeys.SCHEMA).lines()
                .map(line -> SampleKeys.SCHEMA.keys().stream()
                        .anyMatch(key -> line.startsWith("# " + key.name() + " =")) ? line.substring(2) : line)
                .toList();
        Config config = ConfigLoader.parse("sample.cfg", lines, SampleKeys.SCHEMA);

        assertThat(SampleKeys.SCHEMA.keys()).allMatch(config::isSet);
        for (ConfigKey<?> key : SampleKeys.SCHEMA.keys()) {
            assertThat((Object) config.get(key)).as(key.name()).isEqualTo(key.defaultValue());
        }
    }
}
