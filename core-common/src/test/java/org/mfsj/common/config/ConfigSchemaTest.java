package org.mfsj.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigSchemaTest {
    @Test
    void keepsDeclarationOrderAndFindsByExactName() {
        ConfigSchema schema = SampleKeys.SCHEMA;
        assertThat(schema.fileName()).isEqualTo("mfschunkserver.cfg");
        assertThat(schema.keys()).containsExactly(SampleKeys.MASTER_HOST, SampleKeys.MASTER_PORT,
                SampleKeys.DATA_PATH, SampleKeys.LOCK_MEMORY, SampleKeys.HDD_LEAVE_SPACE);
        assertThat(schema.find("MASTER_PORT")).containsSame(SampleKeys.MASTER_PORT);
        assertThat(schema.find("master_port")).isEmpty();
        assertThat(schema.find("NOPE")).isEmpty();
    }

    @Test
    void containsOnlyTheDeclaredKeyObject() {
        ConfigKey<Integer> lookalike = ConfigKey.integer("MASTER_PORT", 9420, 1, 65535, "Same name.");
        assertThat(SampleKeys.SCHEMA.contains(SampleKeys.MASTER_PORT)).isTrue();
        assertThat(SampleKeys.SCHEMA.contains(lookalike)).isFalse();
    }

    @Test
    void rejectsTwoKeysWithOneName() {
        ConfigKey<String> again = ConfigKey.string("MASTER_HOST", "x", "Again.");
        assertThatThrownBy(() -> ConfigSchema.of("x.cfg", SampleKeys.MASTER_HOST, again))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x.cfg declares key MASTER_HOST twice");
    }

    @Test
    void keysCannotBeModified() {
        assertThatThrownBy(() -> SampleKeys.SCHEMA.keys().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
