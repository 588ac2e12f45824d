package jp.kawaraban.text;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date found in a text by {@link DateExpressions}: the calendar date it stands for and
 * where it was written. {@code start} and {@code end} are UTF-16 offsets into the text
 * that was searched ({@code end} exclusive); {@code surface} is the text between them, as
 * written (full-width digits, era names and 漢数字 included).
 */
public record DateMention(LocalDate date, int start, int end, String surface) {

    public DateMention {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(surface, "surface");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
