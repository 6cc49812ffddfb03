package org.mfsj.s3.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AmzDateTest {
    @Test
    void readsTheBasicIsoForm() {
        assertThat(AmzDate.parse("20130524T000000Z")).isEqualTo(Instant.parse("2013-05-24T00:00:00Z"));
        assertThat(AmzDate.parse("20261207T235959Z")).isEqualTo(Instant.parse("2026-12-07T23:59:59Z"));
    }

    @Test
    void refusesAnythingElse() {
        assertThat(AmzDate.parse(null)).isNull();
        assertThat(AmzDate.parse("")).isNull();
        assertThat(AmzDate.parse("2013-05-24T00:00:00Z")).isNull();
        assertThat(AmzDate.parse("20130524T000000")).isNull();
        assertThat(AmzDate.parse("20130524 000000Z")).isNull();
        assertThat(AmzDate.parse("2013052AT000000Z")).isNull();
        assertThat(AmzDate.parse("+0130524T000000Z")).isNull();
        assertThat(AmzDate.parse("20130230T000000Z")).isNull();
        assertThat(AmzDate.parse("20130524T240000Z")).isNull();
        assertThat(AmzDate.parse("20131324T000000Z")).isNull();
    }
}
