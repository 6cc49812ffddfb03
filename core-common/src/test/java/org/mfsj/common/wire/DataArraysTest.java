package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataArraysTest {
    @Test
    void handsBackArraysOfItsSizeAndMakesFreshOnesOtherwise() {
        DataArrays arrays = new DataArrays(16, 2);
        byte[] a = arrays.take(16);
        assertThat(a).hasSize(16);
        arrays.give(a);
        assertThat(arrays.idle()).isEqualTo(1);
        assertThat(arrays.take(16)).isSameAs(a);
        assertThat(arrays.idle()).isZero();
        byte[] odd = arrays.take(15);
        assertThat(odd).hasSize(15);
        arrays.give(odd);
        assertThat(arrays.idle()).as("other sizes are not kept").isZero();
    }

    @Test
    void keepsNoMoreThanItsBound() {
        DataArrays arrays = new DataArrays(8, 2);
        for (int i = 0; i < 5; i++) {
            arrays.give(new byte[8]);
        }
        assertThat(arrays.idle()).isEqualTo(2);
        assertThat(arrays.take(8)).isNotSameAs(arrays.take(8));
        assertThat(arrays.idle()).isZero();
        assertThat(arrays.take(8)).as("a fresh one when none is idle").hasSize(8);
    }
}
