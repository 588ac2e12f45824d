package jp.kawaraban.editorial.internal.importing;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication and update times as Japanese news pages write them: ISO-8601 in metadata, and
 * in the page {@code 2026年3月4日 10時05分}, {@code 2026年3月4日(水) 10:05}, {@code 2026/03/04 10:05},
 * {@code 2026.3.4}, with 「公開」「配信」「掲載」 or 「更新」 before or after. A time without an offset is
 * Japan time (+09:00); a date without a time is midnight.
 */
final class PageDates {

    static final ZoneOffset JAPAN = ZoneOffset.ofHours(9);

    /** One date found in text, and whether its label says it is the update time. */
    record Found(OffsetDateTime at, boolean update, boolean published, int start, int end) {
    }

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern JAPANESE = Pattern.compile(
            "(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日(?:\\s*[(（][月火水木金土日][)）])?"
                    + "(?:\\s*(午前|午後)?\\s*(\\d{1,2})\\s*(?:時\\s*(?:(\\d{1,2})\\s*分)?|:(\\d{2})))?");
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.])(\\d{4})([/.])(\\d{1,2})\\2(\\d{1,2})(?![\\d])(?:\\s*[(（][月火水木金土日][)）])?(?:\\s+(\\d{1,2}):(\\d{2}))?");
    private static final Pattern UPDATE_LABEL = Pattern.compile("(最終)?更新|修正");
    private static final Pattern PUBLISHED_LABEL = Pattern.compile("公開|配信|掲載|投稿|発行|初出");

    private PageDates() {
    }

    /** A date-time from metadata (ISO-8601, with or without offset), or the first date found in the text. */
    static Optional<OffsetDateTime> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = normalise(value).strip();
        try {
            return Optional.of(OffsetDateTime.parse(text));
        } catch (DateTimeParseException notExactly) {
            List<Found> found = find(text);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst().at());
        }
    }

    /** Every date in {@code text}, in order, with what its label says. */
    static List<Found> find(String original) {
        String text = normalise(original);
        List<Found> found = new ArrayList<>();
        boolean[] taken = new boolean[text.length() + 1];
        collect(ISO.matcher(text), text, found, taken, PageDates::iso);
        collect(JAPANESE.matcher(text), text, found, taken, PageDates::japanese);
        collect(NUMERIC.matcher(text), text, found, taken, PageDates::numeric);
        found.sort(java.util.Comparator.comparingInt(Found::start));
        return found;
    }

    private interface Reader {
        OffsetDateTime read(Matcher m);
    }

    private static void collect(Matcher m, String text, List<Found> found, boolean[] taken, Reader reader) {
        while (m.find()) {
            if (taken[m.start()]) {
                continue;
            }
            OffsetDateTime at;
            try {
                at = reader.read(m);
            } catch (DateTimeException | NumberFormatException impossible) {
                continue;
            }
            if (at == null || at.getYear() < 1990 || at.getYear() > 2100) {
                continue;
            }
            for (int i = m.start(); i < m.end(); i++) {
                taken[i] = true;
            }
            String before = text.substring(Math.max(0, m.start() - 8), m.start());
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 6));
            // 「更新日：2026年…」 labels the date after it; 「2026年… 更新」 the date before it. A label
            // followed by 日 or a colon belongs to the next date, so it never labels the one before.
            boolean update;
            boolean published;
            if (prefixLabel(UPDATE_LABEL, before) || prefixLabel(PUBLISHED_LABEL, before)) {
                update = prefixLabel(UPDATE_LABEL, before);
                published = !update;
            } else {
                update = postfixLabel(UPDATE_LABEL, after);
                published = !update && postfixLabel(PUBLISHED_LABEL, after);
            }
            found.add(new Found(at, update, published, m.start(), m.end()));
        }
    }

    private static boolean prefixLabel(Pattern label, String before) {
        Matcher m = label.matcher(before);
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        return end >= 0 && before.substring(end).matches("(?:日時|日付|日|時刻)?\\s*[:：]?\\s*");
    }

    private static boolean postfixLabel(Pattern label, String after) {
        Matcher m = label.matcher(after);
        return m.find() && after.substring(0, m.start()).matches("[\\s(（]*")
                && !after.substring(m.end()).matches("(?s)(?:日時|日付|日|時刻)?\\s*[:：].*");
    }

    private static OffsetDateTime iso(Matcher m) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT
                : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        ZoneOffset offset = JAPAN;
        if (m.group(7) != null) {
            String zone = m.group(7);
            offset = zone.equals("Z") ? ZoneOffset.UTC
                    : ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
        }
        return OffsetDateTime.of(LocalDateTime.of(date, time), offset);
    }

    private static OffsetDateTime japanese(Matcher m) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(5) != null) {
            int hour = Integer.parseInt(m.group(5));
            if ("午後".equals(m.group(4)) && hour < 12) {
                hour += 12;
            }
            String minutes = m.group(6) != null ? m.group(6) : m.group(7);
            time = LocalTime.of(hour, minutes == null ? 0 : Integer.parseInt(minutes));
        }
        return OffsetDateTime.of(LocalDateTime.of(date, time), JAPAN);
    }

    private static OffsetDateTime numeric(Matcher m) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        LocalTime time = m.group(5) == null ? LocalTime.MIDNIGHT
                : LocalTime.of(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
        return OffsetDateTime.of(LocalDateTime.of(date, time), JAPAN);
    }

    /** Full-width digits and colons (２０２６年３月４日　１０：０５) read as their ASCII forms. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
}
