package org.mfsj.chunkserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerIdTest {
    @TempDir
    Path dir;

    @Test
    void theFirstStartMakesAnIdThatLaterStartsKeep() throws Exception {
        Path data = dir.resolve("not/yet/there");
        long first = ServerId.loadOrCreate(data);
        assertThat(first).isNotZero();
        assertThat(ServerId.loadOrCreate(data)).isEqualTo(first);
        assertThat(Files.readString(data.resolve(ServerId.FILE_NAME)).strip()).isEqualTo(ServerId.format(first));
    }

    @Test
    void differentServersGetDifferentIds() throws Exception {
        assertThat(ServerId.loadOrCreate(dir.resolve("a"))).isNotEqualTo(ServerId.loadOrCreate(dir.resolve("b")));
    }

    @Test
    void aDamagedIdFileIsAnErrorNotANewIdentity() throws Exception {
        Files.writeString(dir.resolve(ServerId.FILE_NAME), "hello\n");
        assertThatThrownBy(() -> ServerId.loadOrCreate(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(ServerId.FILE_NAME);
    }
}
