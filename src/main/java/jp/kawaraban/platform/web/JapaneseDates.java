package jp.kawaraban.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times as Japanese readers expect them: Tokyo time, {@code 2025年2月19日 7:00}. */
public final class JapaneseDates {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("uuuu年M月d日 H:mm").withZone(TOKYO);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu年M月d日").withZone(TOKYO);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(TOKYO);

    private JapaneseDates() {
    }

    /** {@code 2025年2月19日 7:00} */
    public static String readable(Instant instant) {
        return READABLE.format(instant);
    }

    /** {@code 2025年2月19日} */
    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    /** {@code 2025-02-19T07:00:00+09:00}, for {@code <time datetime>}, JSON-LD and the API. */
    public static String iso(Instant instant) {
        return ISO.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
