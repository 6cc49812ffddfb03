package org.mfsj.fuse.lowlevel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListingWarmUpTest {
    @Test
    void everyMadeUpNameIsDecodedAndPackedAsADirent() {
        // names "f0".."f2999" are 2-5 bytes: 24-byte header + name, padded to 32 bytes each
        assertThat(ListingWarmUp.run()).isEqualTo(ListingWarmUp.NAMES * 32);
    }
}
