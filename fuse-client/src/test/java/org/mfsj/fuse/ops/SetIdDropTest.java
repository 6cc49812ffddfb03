package org.mfsj.fuse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The mode a dropped setuid/setgid leaves, as Linux leaves it on a write, truncate or chown. */
class SetIdDropTest {
    @Test
    void setuidAlwaysGoesSetgidOnlyWithGroupExecute() {
        assertThat(SetIdDrop.kept(06777)).isEqualTo(0777);
        assertThat(SetIdDrop.kept(04755)).isEqualTo(0755);
        assertThat(SetIdDrop.kept(02755)).isEqualTo(0755);
        assertThat(SetIdDrop.kept(02745)).as("setgid without group-execute marks locking").isEqualTo(02745);
        assertThat(SetIdDrop.kept(06745)).isEqualTo(02745);
        assertThat(SetIdDrop.kept(01777)).as("sticky stays").isEqualTo(01777);
        assertThat(SetIdDrop.kept(0644)).isEqualTo(0644);
    }
}
