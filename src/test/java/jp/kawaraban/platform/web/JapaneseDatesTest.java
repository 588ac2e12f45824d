package jp.kawaraban.platform.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JapaneseDatesTest {

    @Test
    void showsTokyoTimeWithoutLeadingZeroOnTheHour() {
        // 2025-02-18 22:00 UTC is 7:00 the next morning in Tokyo.
        assertThat(JapaneseDates.readable(Instant.parse("2025-02-18T22:00:00Z"))).isEqualTo("2025年2月19日 7:00");
        assertThat(JapaneseDates.readable(Instant.parse("2025-02-21T02:30:00Z"))).isEqualTo("2025年2月21日 11:30");
    }

    @Test
    void dayChangesAtTokyoMidnightNotUtc() {
        assertThat(JapaneseDates.day(Instant.parse("2025-12-31T15:00:00Z"))).isEqualTo("2026年1月1日");
    }

    @Test
    void isoCarriesTheTokyoOffset() {
        assertThat(JapaneseDates.iso(Instant.parse("2025-02-18T22:00:00Z"))).isEqualTo("2025-02-19T07:00:00+09:00");
    }
}
