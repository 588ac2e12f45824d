package jp.kawaraban.text;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date found in a text by {@link DateExpressions}: the calendar date it stands for and
 * where it was written. {@code start} and {@code end} are UTF-16 offsets into the text
 * that was searched ({@code end} exclusive); {@code surface} is the text between them, as
 * written (full-width digits, era names and 漢数字 included).
 *
 * <p>Some mentions name a period rather than a day (来週, 3月上旬, 2025年度, 令和元年,
 * 昨年12月): {@code date} is then its first day and {@code until} its last. For a day the
 * two are equal.
 */
public record DateMention(LocalDate date, int start, int end, String surface, LocalDate until) {

    public DateMention {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(surface, "surface");
        if (until == null) {
            until = date;
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
        if (until.isBefore(date)) {
            throw new IllegalArgumentException("a period that ends before it starts: " + date + ".." + until);
        }
    }

    /** A mention of one day. */
    public DateMention(LocalDate date, int start, int end, String surface) {
        this(date, start, end, surface, date);
    }

    /** True when the mention names one day, not a longer period. */
    public boolean isDay() {
        return date.equals(until);
    }
}
