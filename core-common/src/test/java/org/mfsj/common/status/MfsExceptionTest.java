package org.mfsj.common.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MfsExceptionTest {
    @Test
    void aRoutineAnswerKeepsItsStatusAndMessageButNoTrace() {
        MfsException e = MfsException.answer(Status.ENODATA, "security.capability on inode 7");
        assertThat(e.status()).isEqualTo(Status.ENODATA);
        assertThat(e.getMessage()).isEqualTo("ENODATA: security.capability on inode 7");
        assertThat(e.getStackTrace()).isEmpty();
        assertThat(new MfsException(Status.EIO, "disk").getStackTrace()).isNotEmpty();
    }
}
