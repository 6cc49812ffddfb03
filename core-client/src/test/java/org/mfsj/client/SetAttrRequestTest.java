package org.mfsj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mfsj.common.types.SetAttrMask;

class SetAttrRequestTest {
    @Test
    void helpersSetOnlyTheirFields() {
        assertThat(SetAttrRequest.truncate(5).mask()).isEqualTo(SetAttrMask.LENGTH);
        assertThat(SetAttrRequest.truncate(5).changesLength()).isTrue();
        assertThat(SetAttrRequest.chmod(0100755).mode()).isEqualTo(0755);
        assertThat(SetAttrRequest.chown(1, 2).mask()).isEqualTo(SetAttrMask.UID | SetAttrMask.GID);
        assertThat(SetAttrRequest.chmod(0644).changesLength()).isFalse();
    }

    @Test
    void andCombinesWithTheLaterRequestWinning() {
        SetAttrRequest r = SetAttrRequest.chmod(0600).and(SetAttrRequest.times(1, 2)).and(SetAttrRequest.chmod(0644));
        assertThat(r.mask()).isEqualTo(SetAttrMask.MODE | SetAttrMask.ATIME | SetAttrMask.MTIME);
        assertThat(r.mode()).isEqualTo(0644);
        assertThat(r.atimeNanos()).isEqualTo(1);
        assertThat(r.mtimeNanos()).isEqualTo(2);
    }

    @Test
    void negativeLengthIsRefused() {
        assertThatThrownBy(() -> SetAttrRequest.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
