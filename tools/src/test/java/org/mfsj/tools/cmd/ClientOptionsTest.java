package org.mfsj.tools.cmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientOptionsTest {
    @Test
    void pathsAreNormalised() {
        assertThat(ClientOptions.normalize("/")).isEqualTo("/");
        assertThat(ClientOptions.normalize("//a///b/")).isEqualTo("/a/b");
        assertThat(ClientOptions.normalize("/a/./b/../c")).isEqualTo("/a/c");
        assertThat(ClientOptions.normalize("/..")).isEqualTo("/");
    }

    @Test
    void parentAndName() {
        assertThat(ClientOptions.parentOf("/a/b/c")).isEqualTo("/a/b");
        assertThat(ClientOptions.parentOf("/a")).isEqualTo("/");
        assertThat(ClientOptions.nameOf("/a/b/c/")).isEqualTo("c");
    }

    @Test
    void relativePathsAndRootNameAreRefusedWithAReason() {
        assertThatThrownBy(() -> ClientOptions.normalize("a/b")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> ClientOptions.nameOf("/")).hasMessageContaining("no name");
    }
}
