package jp.kawaraban.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds calendar dates written in Japanese news text, for timelines.
 *
 * <p>Forms recognised (digits may be ASCII or full-width; 漢数字 are accepted where noted):
 * <ul>
 *   <li>{@code 2025年2月18日}, {@code ２０２５年２月１８日}, {@code 二〇二五年二月十八日},
 *       {@code 二千二十五年二月十八日} — complete dates. The year needs four digits (or a
 *       漢数字 year of 1000 or more), so {@code 25年2月18日} is not read.</li>
 *   <li>{@code 令和7年2月18日}, {@code 令和元年5月1日}, {@code 平成31年4月30日},
 *       {@code 昭和64年1月7日} — era dates (令和1 = 2019, 平成1 = 1989, 昭和1 = 1926),
 *       checked against the era's first and last day.</li>
 *   <li>{@code 2025/02/18}, {@code 2025/2/18}, {@code ２０２５／２／１８} — slashed dates with a
 *       four-digit year, both separators alike.</li>
 *   <li>{@code 昨年12月5日}, {@code 今年3月1日}, {@code 来年1月20日} — a month and day with a year
 *       relative to the article date; {@code 同年3月1日} takes the year of the last date with
 *       an explicit year found earlier in the same text (skipped when there is none).</li>
 *   <li>{@code 先月28日}, {@code 今月3日}, {@code 来月5日} — a day with a month relative to the
 *       article date; {@code 同月20日} takes the month of the date found just before it in
 *       the same text (skipped when there is none).</li>
 *   <li>{@code 2月18日}, {@code 二月十八日} — month and day. The year is the one that puts the
 *       date after nine months before the article date and no later than three months
 *       after it. Articles name recent past dates this way, and also scheduled events some
 *       weeks or months ahead, so the window leans to the past but leaves room for the near
 *       future: an article of 2025-02-19 reads {@code 12月20日} as 2024-12-20, {@code 4月1日}
 *       as 2025-04-01 and {@code 6月1日} as 2024-06-01.</li>
 *   <li>{@code 18日} alone (ASCII or full-width digits only) — a day of the article's month,
 *       as newspapers write the day alone for their current month. The month before is taken
 *       only when the article's month has no such day or when the day, read in the month
 *       before, lies in the seven days before the article date (just after the turn of the
 *       month). So an article of 2025-02-19 reads {@code 18日} as 2025-02-18 and
 *       {@code 25日} as 2025-02-25 (a date ahead), one of 2025-07-03 reads {@code 20日} as
 *       2025-07-20, and one of 2025-03-02 reads {@code 28日} as 2025-02-28.</li>
 *   <li>Two days sharing a month: {@code 23、24日}, {@code 23・24日}, {@code 18～20日},
 *       {@code 2月23、24日} — one mention per day; the first
 *       mention's surface is the text up to its number ({@code 2月23}). In a range whose second
 *       day is smaller ({@code 30～2日}) the two days are in consecutive months.</li>
 * </ul>
 *
 * <p>Forms added for issue 19; those that name a period give its first day as
 * {@link DateMention#date()} and its last as {@link DateMention#until()}:
 * <ul>
 *   <li>{@code 昨日}, {@code 一昨日}, {@code 明日}, {@code 明後日}, {@code 本日}: days counted
 *       from the article date; {@code 元日}, {@code 元旦}: 1 January, placed like a month and
 *       day; {@code 3日前}: three days before the article date (not after の, as in
 *       {@code 選挙の3日前}, which counts from another day). {@code 今日} is not read: it also
 *       means "nowadays".</li>
 *   <li>{@code 同日}: the date mentioned last before it in the same text; {@code 翌日} and
 *       {@code 前日} the day after and before that date (not read without one, nor in
 *       {@code 前日比}).</li>
 *   <li>{@code 先週}, {@code 今週}, {@code 来週}: Monday to Sunday; {@code 先週末},
 *       {@code 今週末}, {@code 来週末}: that week's Saturday and Sunday.</li>
 *   <li>{@code 先月}, {@code 今月}, {@code 来月} alone: the whole month.</li>
 *   <li>{@code 昨年12月}, {@code 2025年1月}, {@code 令和7年4月}: the whole month; with
 *       {@code 末} its last day, with {@code 上旬} (or {@code 初旬}), {@code 中旬}, {@code 下旬}
 *       days 1–10, 11–20, 21 to the end. {@code 3月末} and {@code 7月中旬} without a year
 *       take it from the window of month-and-day dates; {@code 今月末}, {@code 来月上旬}
 *       from the article date.</li>
 *   <li>{@code 2025年度}, {@code 令和7年度}, {@code 今年度}, {@code 来年度}, {@code 昨年度}:
 *       the fiscal year, 1 April to 31 March of the next year ({@code 2025年度} is
 *       2025-04-01..2026-03-31; {@code 今年度} is the one that holds the article date);
 *       {@code 2025年度末} is 2026-03-31.</li>
 *   <li>{@code 令和元年}, {@code 平成31年}: the part of that calendar year that the era
 *       covers (令和元年 is 2019-05-01..2019-12-31). A year written in digits alone
 *       ({@code 2025年}) is still not read.</li>
 *   <li>{@code 18、19両日}: both days, like {@code 18、19日}.</li>
 * </ul>
 *
 * <p>Not read as dates: durations and counts such as {@code 18日間}, {@code 3日連続},
 * {@code 10日目}, {@code 3日後}, {@code 5日ぶり}, {@code 7日以内},
 * {@code 1日当たり}, {@code 3日分}, {@code 1日20便}, {@code 約3日}, {@code 最大12日},
 * {@code 9日から12日ほど}, {@code 5日が過ぎた}, {@code 10日がたった}, {@code 3日かかる},
 * {@code 10日延びた}, {@code 入国後14日}; a day after another number ({@code 第3日}, {@code 1.5日}); 漢数字
 * days standing alone ({@code 三日月} and {@code 三日坊主} are words); {@code 1日} alone unless a
 * comma or full stop, a time of day (午前, 未明 …) or 付, から, まで, 以降 follows it — in
 * {@code 1日に数便} or {@code 1日延長} it is "one day"; a month and day after a year this class cannot resolve
 * ({@code 前年2月1日}, {@code 25年2月18日}). {@code 2月18日付} (a dated document) and
 * {@code 18日午前} are dates. Impossible dates such as {@code 2月30日} are skipped, as is
 * {@code 2月29日} when the year the rules choose is not a leap year. Forms that need the
 * article date are skipped when it is {@code null}.
 *
 * <p>All methods are static, stateless and thread-safe.
 */
public final class DateExpressions {

    private static final String DIGITS = "[0-9０-９]";
    private static final String KANJI_NUMERALS = "〇一二三四五六七八九十百千";
    /** A month or a day: one or two digits, or up to three 漢数字 (十二, 三十一). */
    private static final String SMALL = "(?:" + DIGITS + "{1,2}|[一二三四五六七八九十]{1,3})";
    private static final String NOT_AFTER_NUMBER = "(?<![0-9０-９" + KANJI_NUMERALS + "])";
    /** Between the two days of 18、19日, 18・19日 or 18～20日. */
    private static final String DAY_SEPARATOR = "[、,，・～〜]";
    /** What makes "N日" a number of days rather than a date: 18日間, 3日後, 1日当たり, 3日分. */
    private static final String NOT_A_DAY_AFTER = "間|目|後|前|連続|ぶり|振り|以内|以上|未満|超|余り|あまり"
            + "|程度|ほど|当たり|あたり|平均|おき|置き|ごと|毎|分(?!か)|[0-9０-９]"
            // 5日が過ぎた, 3日がたつ, 10日を経て, 2日足らず: time that passes, not a day
            + "|が(?:過ぎ|すぎ|経|たっ|たち|たつ|たと)|を(?:過ぎ|経)|経過|足らず|弱|強|がかり|かか|先まで"
            // 10日延びた, 2日遅れ: a shift by some days
            + "|延び|延長|短縮|遅れ|早ま";
    /** Words before "N日" that make it an amount of days: 約3日, 最大12日. */
    private static final String NOT_A_DAY_BEFORE =
            // 入国後14日, 発生後3日: counted from an event, not a day of the month
            "(?<!約|計|最大|最長|最短|最低|およそ|わずか|少なくとも|ほぼ|延べ|残り|毎|後)";

    /** A day, or two days of a list or range; the named groups are {@code <p>d} and {@code <p>d2}. */
    private static String days(String prefix) {
        return "(?<" + prefix + "d>" + SMALL + ")(?:" + DAY_SEPARATOR + "(?<" + prefix + "d2>" + SMALL + "))?(?:両日|日)";
    }

    /** An era name and its year: 令和7, 令和元, 平成三十一. */
    private static final String ERA_YEAR = "(?:令和|平成|昭和)(?:元|" + DIGITS + "{1,2}|[一二三四五六七八九十]{1,3})";
    /** The part of a month a period names: its end, or one of its three ten-day parts. */
    private static final String PART_OF_MONTH = "末|上旬|中旬|下旬|初旬";

    private static final Pattern DATE = Pattern.compile(
            // 2025年度, 令和7年度, 来年度, 2025年度末: a fiscal year, April to March
            "(?:(?<fera>" + ERA_YEAR + ")|" + NOT_AFTER_NUMBER + "(?<fy>" + DIGITS + "{4})|(?<frel>今|本|来|昨))"
                    + "年度(?<fend>末)?"
            // 昨日, 一昨日, 明日, 明後日, 本日, and 元日 or 元旦 (1 January)
            + "|(?<relday>一昨日|昨日|明後日|明日(?!香)|本日|元日|元旦)"
            // 同日: the day of the date mentioned before it; 翌日 and 前日 the day after and before
            // it (not 前日比, a comparison with the previous trading day)
            + "|(?<same>同日)|(?<next>翌日)|(?<previous>前日)(?!比)"
            // 先週, 今週, 来週: Monday to Sunday; 先週末, 今週末, 来週末: its Saturday and Sunday
            + "|(?<week>先週|今週|来週)(?<weekend>末)?"
            // 3日前: counted back from the article date (not after の: 選挙の3日前)
            + "|(?<!の|" + DIGITS + ")" + NOT_A_DAY_BEFORE + "(?<ago>" + DIGITS + "{1,2})日前"
            // 令和7年2月18日
            + "|(?<era>令和|平成|昭和)(?<ey>元|" + DIGITS + "{1,2}|[一二三四五六七八九十]{1,3})年"
                    + "(?<em>" + SMALL + ")月" + days("e") + "(?!間)"
            // 2025年2月18日
            + "|" + NOT_AFTER_NUMBER + "(?<wy>" + DIGITS + "{4}|[" + KANJI_NUMERALS + "]{2,7})年"
                    + "(?<wm>" + SMALL + ")月" + days("w") + "(?!間)"
            // 2025/02/18
            + "|(?<![0-9０-９/／.．])(?<sy>" + DIGITS + "{4})(?<sep>[/／])(?<sm>" + DIGITS + "{1,2})"
                    + "\\k<sep>(?<sd>" + DIGITS + "{1,2})(?![0-9０-９/／])"
            // 昨年12月5日
            + "|(?<rel>昨年|去年|今年|本年|来年|同年)(?<rm>" + SMALL + ")月" + days("r") + "(?!間)"
            // 先月28日
            + "|(?<relm>今月|先月|来月|同月)" + days("q") + "(?!間)"
            // 昨年12月, 2025年3月末, 令和7年4月上旬, 3月末, 来月上旬, 今月末: a month or part of one
            + "|(?:(?<pyrel>昨年|去年|今年|本年|来年|同年)|(?<pera>" + ERA_YEAR + ")年|" + NOT_AFTER_NUMBER
                    + "(?<py>" + DIGITS + "{4})年)(?<pym>" + SMALL + ")月(?<pyp>" + PART_OF_MONTH + ")?"
                    + "(?![0-9０-９一二三四五六七八九十日期])"
            + "|(?<![0-9０-９" + KANJI_NUMERALS + "年])(?<pm>" + SMALL + ")月(?<pp>" + PART_OF_MONTH + ")"
            + "|(?<prm>今月|先月|来月|同月)(?<prp>" + PART_OF_MONTH + ")"
            // 来月, 今月, 先月 alone: the whole month
            + "|(?<month>今月|先月|来月)(?![0-9０-９一二三四五六七八九十]|" + PART_OF_MONTH + ")"
            // 令和元年, 平成31年: a year of an era
            + "|(?<yera>" + ERA_YEAR + ")年(?![0-9０-９一二三四五六七八九十度間前後]|ぶり|以上|余り|近く)"
            // 2月18日
            + "|(?<![0-9０-９" + KANJI_NUMERALS + "年])(?<mm>" + SMALL + ")月" + days("m") + "(?!間)"
            // 18日 (digits only)
            + "|(?<![0-9０-９" + KANJI_NUMERALS + "年月第/／.．,，])" + NOT_A_DAY_BEFORE
                    + "(?<dd>" + DIGITS + "{1,2})(?:" + DAY_SEPARATOR + "(?<dd2>" + DIGITS + "{1,2}))?(?:両日|日)"
                    + "(?!" + NOT_A_DAY_AFTER + ")");

    /** "9日から12日ほど": a range whose end is a number of days makes its start one too. */
    private static final Pattern RANGE_OF_DAYS = Pattern.compile(
            "(?:から|～|〜|－|-)" + DIGITS + "{1,2}日(?:" + NOT_A_DAY_AFTER + ")");

    /**
     * What may follow 1日 for it to be the first of the month rather than "one day"
     * (1日に数便, 1日延長): a comma or full stop, a time of day, or 付, から, まで, 以降.
     */
    private static final Pattern FIRST_OF_MONTH_CONTEXT = Pattern.compile(
            "[、,，。]|午前|午後|未明|朝|夜|夕|深夜|昼|正午|付|から|まで|以降");

    /** How far before the article date a month-and-day without a year may lie. */
    private static final int MONTHS_BACK = 9;
    /** How far after the article date a month-and-day without a year may lie. */
    private static final int MONTHS_AHEAD = 3;
    /** How far back a day written alone may reach into the previous month. */
    private static final int DAYS_BACK_INTO_PREVIOUS_MONTH = 7;

    private static final LocalDate REIWA_START = LocalDate.of(2019, 5, 1);
    private static final LocalDate HEISEI_START = LocalDate.of(1989, 1, 8);
    private static final LocalDate HEISEI_END = LocalDate.of(2019, 4, 30);
    private static final LocalDate SHOWA_START = LocalDate.of(1926, 12, 25);
    private static final LocalDate SHOWA_END = LocalDate.of(1989, 1, 7);

    private DateExpressions() {
    }

    /**
     * The dates written in {@code text}, in text order, without overlaps.
     *
     * @param text        any text; {@code null} or empty gives an empty list
     * @param articleDate the article's date (publication day in Japan time), used for forms
     *                    without a year or month; {@code null} skips those forms
     */
    public static List<DateMention> find(String text, LocalDate articleDate) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<DateMention> found = new ArrayList<>();
        Integer lastExplicitYear = null;
        LocalDate lastDate = null;
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            Period period = period(m, articleDate, lastExplicitYear, lastDate);
            if (period != null) {
                if (period.first() == null) {
                    continue;
                }
                found.add(new DateMention(period.first(), m.start(), m.end(), m.group(), period.last()));
                if (period.explicitYear()) {
                    lastExplicitYear = period.first().getYear();
                }
                lastDate = period.first();
                continue;
            }
            String p;
            LocalDate first;
            boolean explicitYear = false;
            if (m.group("era") != null) {
                p = "e";
                first = eraDate(m.group("era"), number(m.group("ey")), number(m.group("em")),
                        number(m.group("ed")));
                explicitYear = true;
            } else if (m.group("wy") != null) {
                p = "w";
                int year = number(m.group("wy"));
                first = year >= 1000 && year <= 2999
                        ? date(year, number(m.group("wm")), number(m.group("wd"))) : null;
                explicitYear = true;
            } else if (m.group("sy") != null) {
                p = "s";
                first = date(number(m.group("sy")), number(m.group("sm")), number(m.group("sd")));
                explicitYear = true;
            } else if (m.group("rel") != null) {
                p = "r";
                Integer year = relativeYear(m.group("rel"), articleDate, lastExplicitYear);
                first = year == null ? null : date(year, number(m.group("rm")), number(m.group("rd")));
            } else if (m.group("relm") != null) {
                p = "q";
                YearMonth month = relativeMonth(m.group("relm"), articleDate, lastDate);
                first = month == null ? null : date(month.getYear(), month.getMonthValue(), number(m.group("qd")));
            } else if (m.group("mm") != null) {
                p = "m";
                first = monthDay(number(m.group("mm")), number(m.group("md")), articleDate);
            } else {
                p = "d";
                if (!dayOnlyContextOk(text, m)) {
                    continue;
                }
                String second = m.group("dd2");
                if (second == null) {
                    first = dayOnly(number(m.group("dd")), articleDate);
                } else {
                    // the day written with 日 is resolved; the one before it belongs to the same
                    // month, or to the month before when it is the larger (30～2日)
                    LocalDate last = dayOnly(number(second), articleDate);
                    first = last == null ? null : sameOrPreviousMonth(last, number(m.group("dd")));
                }
            }
            if (first == null) {
                continue;
            }
            String secondDay = p.equals("s") ? null : m.group(p + "d2");
            if (secondDay == null) {
                found.add(new DateMention(first, m.start(), m.end(), m.group()));
            } else {
                LocalDate second = p.equals("d") ? dayOnly(number(secondDay), articleDate)
                        : nextOrSameMonth(first, number(secondDay));
                if (second == null) {
                    continue;
                }
                int firstEnd = m.end(p + "d");
                int secondStart = m.start(p + "d2");
                found.add(new DateMention(first, m.start(), firstEnd, text.substring(m.start(), firstEnd)));
                found.add(new DateMention(second, secondStart, m.end(), text.substring(secondStart, m.end())));
            }
            if (explicitYear) {
                lastExplicitYear = first.getYear();
            }
            lastDate = first;
        }
        return List.copyOf(found);
    }

    /**
     * What a match of one of the forms added for issue 19 stands for; {@code null} when the
     * match is of another form. {@code first} is {@code null} when the form cannot be
     * resolved (no article date, no date before 同日, an impossible month).
     */
    private record Period(LocalDate first, LocalDate last, boolean explicitYear) {

        static final Period UNRESOLVED = new Period(null, null, false);

        static Period of(LocalDate first, LocalDate last, boolean explicitYear) {
            return first == null || last == null ? UNRESOLVED : new Period(first, last, explicitYear);
        }

        static Period day(LocalDate day) {
            return of(day, day, false);
        }
    }

    private static Period period(Matcher m, LocalDate articleDate, Integer lastExplicitYear, LocalDate lastDate) {
        if (text(m, "fera", "fy", "frel")) {
            // A fiscal year runs from 1 April to 31 March of the next calendar year, and is
            // named by its first year: 2025年度 is 2025-04-01 to 2026-03-31.
            Integer year;
            boolean explicit = true;
            if (m.group("fera") != null) {
                year = eraYear(m.group("fera"));
            } else if (m.group("fy") != null) {
                year = number(m.group("fy"));
            } else {
                explicit = false;
                year = articleDate == null ? null : fiscalYear(articleDate) + switch (m.group("frel")) {
                    case "来" -> 1;
                    case "昨" -> -1;
                    default -> 0;
                };
            }
            if (year == null) {
                return Period.UNRESOLVED;
            }
            LocalDate start = LocalDate.of(year, 4, 1);
            LocalDate end = LocalDate.of(year + 1, 3, 31);
            return m.group("fend") != null ? Period.of(end, end, explicit) : Period.of(start, end, explicit);
        }
        if (m.group("relday") != null) {
            if (articleDate == null) {
                return Period.UNRESOLVED;
            }
            return switch (m.group("relday")) {
                case "一昨日" -> Period.day(articleDate.minusDays(2));
                case "昨日" -> Period.day(articleDate.minusDays(1));
                case "明日" -> Period.day(articleDate.plusDays(1));
                case "明後日" -> Period.day(articleDate.plusDays(2));
                case "本日" -> Period.day(articleDate);
                default -> Period.day(monthDay(1, 1, articleDate)); // 元日, 元旦
            };
        }
        if (m.group("same") != null) {
            return lastDate == null ? Period.UNRESOLVED : Period.day(lastDate);
        }
        if (m.group("next") != null || m.group("previous") != null) {
            // counted from the date mentioned before, never from the article's own date: in news
            // text 翌日 and 前日 follow the day the sentence is about
            return lastDate == null ? Period.UNRESOLVED
                    : Period.day(lastDate.plusDays(m.group("next") != null ? 1 : -1));
        }
        if (m.group("month") != null) {
            YearMonth month = relativeMonth(m.group("month"), articleDate, lastDate);
            return month == null ? Period.UNRESOLVED : Period.of(month.atDay(1), month.atEndOfMonth(), false);
        }
        if (m.group("week") != null) {
            if (articleDate == null) {
                return Period.UNRESOLVED;
            }
            LocalDate monday = articleDate.minusDays(articleDate.getDayOfWeek().getValue() - 1L);
            monday = monday.plusWeeks(switch (m.group("week")) {
                case "先週" -> -1;
                case "来週" -> 1;
                default -> 0;
            });
            return m.group("weekend") != null ? Period.of(monday.plusDays(5), monday.plusDays(6), false)
                    : Period.of(monday, monday.plusDays(6), false);
        }
        if (m.group("ago") != null) {
            return articleDate == null ? Period.UNRESOLVED : Period.day(articleDate.minusDays(number(m.group("ago"))));
        }
        if (m.group("pym") != null) {
            Integer year;
            boolean explicit = true;
            if (m.group("pyrel") != null) {
                explicit = false;
                year = relativeYear(m.group("pyrel"), articleDate, lastExplicitYear);
            } else if (m.group("pera") != null) {
                year = eraYear(m.group("pera"));
            } else {
                year = number(m.group("py"));
            }
            return partOfMonth(year, number(m.group("pym")), m.group("pyp"), explicit);
        }
        if (m.group("pm") != null) {
            // a month without its year: the one the window around the article date gives its first day
            LocalDate first = monthDay(number(m.group("pm")), 1, articleDate);
            return first == null ? Period.UNRESOLVED : partOfMonth(first.getYear(), first.getMonthValue(), m.group("pp"), false);
        }
        if (m.group("prm") != null) {
            YearMonth month = relativeMonth(m.group("prm"), articleDate, lastDate);
            return month == null ? Period.UNRESOLVED
                    : partOfMonth(month.getYear(), month.getMonthValue(), m.group("prp"), false);
        }
        if (m.group("yera") != null) {
            Integer year = eraYear(m.group("yera"));
            if (year == null) {
                return Period.UNRESOLVED;
            }
            // the part of the calendar year that the era covers: 令和元年 begins on 1 May 2019
            String era = m.group("yera").substring(0, 2);
            LocalDate start = latest(LocalDate.of(year, 1, 1), switch (era) {
                case "令和" -> REIWA_START;
                case "平成" -> HEISEI_START;
                default -> SHOWA_START;
            });
            LocalDate end = switch (era) {
                case "令和" -> LocalDate.of(year, 12, 31);
                case "平成" -> earliest(LocalDate.of(year, 12, 31), HEISEI_END);
                default -> earliest(LocalDate.of(year, 12, 31), SHOWA_END);
            };
            return Period.of(start, end, true);
        }
        return null;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static boolean text(Matcher m, String... groups) {
        for (String group : groups) {
            if (m.group(group) != null) {
                return true;
            }
        }
        return false;
    }

    /** The fiscal year (named by its April) that holds {@code date}. */
    private static int fiscalYear(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    /** The calendar year of an era year such as 令和7 or 平成元; {@code null} outside the era. */
    private static Integer eraYear(String eraAndYear) {
        String era = eraAndYear.substring(0, 2);
        int year = number(eraAndYear.substring(2));
        int maxYear = switch (era) {
            case "令和" -> 99;
            case "平成" -> 31;
            default -> 64;
        };
        if (year < 1 || year > maxYear) {
            return null;
        }
        return switch (era) {
            case "令和" -> 2018 + year;
            case "平成" -> 1988 + year;
            default -> 1925 + year;
        };
    }

    /** A month, its end (末: the last day) or one of its ten-day parts (上旬 1–10, 中旬 11–20, 下旬 21–end). */
    private static Period partOfMonth(Integer year, int month, String part, boolean explicitYear) {
        if (year == null || month < 1 || month > 12) {
            return Period.UNRESOLVED;
        }
        YearMonth yearMonth = YearMonth.of(year, month);
        LocalDate last = yearMonth.atEndOfMonth();
        if (part == null) {
            return Period.of(yearMonth.atDay(1), last, explicitYear);
        }
        return switch (part) {
            case "末" -> Period.of(last, last, explicitYear);
            case "上旬", "初旬" -> Period.of(yearMonth.atDay(1), yearMonth.atDay(10), explicitYear);
            case "中旬" -> Period.of(yearMonth.atDay(11), yearMonth.atDay(20), explicitYear);
            default -> Period.of(yearMonth.atDay(21), last, explicitYear);
        };
    }

    /** The extra checks on a day written without its month. */
    private static boolean dayOnlyContextOk(String text, Matcher m) {
        if (RANGE_OF_DAYS.matcher(text).region(m.end(), text.length()).lookingAt()) {
            return false;
        }
        if (number(m.group("dd")) == 1) {
            return FIRST_OF_MONTH_CONTEXT.matcher(text).region(m.end(), text.length()).lookingAt();
        }
        return true;
    }

    /** {@code day} in the month of {@code later}, or in the month before when after it. */
    private static LocalDate sameOrPreviousMonth(LocalDate later, int day) {
        LocalDate month = day <= later.getDayOfMonth() ? later : later.minusMonths(1);
        return date(month.getYear(), month.getMonthValue(), day);
    }

    /** {@code day} in the month of {@code earlier}, or in the month after when before it. */
    private static LocalDate nextOrSameMonth(LocalDate earlier, int day) {
        LocalDate month = day >= earlier.getDayOfMonth() ? earlier : earlier.plusMonths(1);
        return date(month.getYear(), month.getMonthValue(), day);
    }

    /**
     * The sentence of {@code text} that holds the span {@code start..end}: from just after
     * the previous 。！？ (or ! ?) or line break to the next one, the closing mark included
     * and surrounding white space removed. Marks inside brackets ({@code 「…。」},
     * {@code （…）}) do not end a sentence, so a quoted sentence stays with the words that
     * introduce it; a line break always does. A span that crosses sentence ends gives all
     * the sentences it touches. Offsets are clamped to the text; {@code null} text gives "".
     */
    public static String sentenceAround(String text, int start, int end) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int from = Math.max(0, Math.min(Math.min(start, end), text.length()));
        int to = Math.max(0, Math.min(Math.max(start, end), text.length()));
        int sentenceStart = text.lastIndexOf('\n', from - 1) + 1;
        int depth = 0;
        for (int i = sentenceStart; i < text.length(); i++) {
            char c = text.charAt(i);
            int sentenceEnd;
            if (c == '\n') {
                sentenceEnd = i;
            } else if (isOpening(c)) {
                depth++;
                continue;
            } else if (isClosing(c)) {
                depth = Math.max(0, depth - 1);
                continue;
            } else if (depth == 0 && isTerminator(c)) {
                sentenceEnd = i + 1;
            } else {
                continue;
            }
            if (sentenceEnd <= from) {
                // the span starts after this sentence: the next one begins here
                sentenceStart = i + 1;
                depth = 0;
            } else if (sentenceEnd >= to) {
                return text.substring(sentenceStart, sentenceEnd).strip();
            }
        }
        return text.substring(sentenceStart).strip();
    }

    private static boolean isTerminator(char c) {
        return c == '。' || c == '！' || c == '？' || c == '!' || c == '?';
    }

    private static boolean isOpening(char c) {
        return c == '「' || c == '『' || c == '（' || c == '(' || c == '【' || c == '〔';
    }

    private static boolean isClosing(char c) {
        return c == '」' || c == '』' || c == '）' || c == ')' || c == '】' || c == '〕';
    }

    private static LocalDate eraDate(String era, int eraYear, int month, int day) {
        if (eraYear < 1) {
            return null;
        }
        LocalDate date;
        switch (era) {
            case "令和" -> {
                date = date(2018 + eraYear, month, day);
                return date != null && !date.isBefore(REIWA_START) ? date : null;
            }
            case "平成" -> {
                date = date(1988 + eraYear, month, day);
                return date != null && !date.isBefore(HEISEI_START) && !date.isAfter(HEISEI_END)
                        ? date : null;
            }
            default -> {
                date = date(1925 + eraYear, month, day);
                return date != null && !date.isBefore(SHOWA_START) && !date.isAfter(SHOWA_END)
                        ? date : null;
            }
        }
    }

    private static Integer relativeYear(String word, LocalDate articleDate, Integer lastExplicitYear) {
        if (word.equals("同年")) {
            return lastExplicitYear;
        }
        if (articleDate == null) {
            return null;
        }
        return switch (word) {
            case "昨年", "去年" -> articleDate.getYear() - 1;
            case "来年" -> articleDate.getYear() + 1;
            default -> articleDate.getYear();
        };
    }

    private static YearMonth relativeMonth(String word, LocalDate articleDate, LocalDate lastDate) {
        if (word.equals("同月")) {
            return lastDate == null ? null : YearMonth.from(lastDate);
        }
        if (articleDate == null) {
            return null;
        }
        YearMonth month = YearMonth.from(articleDate);
        return switch (word) {
            case "先月" -> month.minusMonths(1);
            case "来月" -> month.plusMonths(1);
            default -> month;
        };
    }

    /** The month and day placed in the window around the article date. */
    private static LocalDate monthDay(int month, int day, LocalDate articleDate) {
        if (articleDate == null) {
            return null;
        }
        LocalDate earliest = articleDate.minusMonths(MONTHS_BACK);
        LocalDate latest = articleDate.plusMonths(MONTHS_AHEAD);
        for (int year = articleDate.getYear() - 1; year <= articleDate.getYear() + 1; year++) {
            LocalDate date = date(year, month, day);
            if (date != null && date.isAfter(earliest) && !date.isAfter(latest)) {
                return date;
            }
        }
        return null;
    }

    /**
     * The day in the article's month; in the month before when that month has no such day
     * or when the day, read in the month before, falls in the week before the article date.
     */
    private static LocalDate dayOnly(int day, LocalDate articleDate) {
        if (articleDate == null) {
            return null;
        }
        LocalDate thisMonth = date(articleDate.getYear(), articleDate.getMonthValue(), day);
        if (thisMonth != null && !thisMonth.isAfter(articleDate)) {
            return thisMonth;
        }
        LocalDate before = articleDate.minusMonths(1);
        LocalDate previousMonth = date(before.getYear(), before.getMonthValue(), day);
        if (thisMonth == null) {
            return previousMonth;
        }
        if (previousMonth != null
                && ChronoUnit.DAYS.between(previousMonth, articleDate) <= DAYS_BACK_INTO_PREVIOUS_MONTH) {
            return previousMonth;
        }
        return thisMonth;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The value of ASCII or full-width digits, or of 漢数字 written either place by place
     * (二〇二五) or with 十, 百 and 千 (二千二十五, 三十一); 元 is 1. -1 when unreadable.
     */
    static int number(String s) {
        if (s.equals("元")) {
            return 1;
        }
        int value = 0;
        boolean arabic = true;
        for (int i = 0; i < s.length(); i++) {
            int digit = Character.digit(s.charAt(i), 10);
            if (digit < 0) {
                arabic = false;
                break;
            }
            value = value * 10 + digit;
        }
        if (arabic) {
            return value;
        }
        boolean withUnits = s.indexOf('十') >= 0 || s.indexOf('百') >= 0 || s.indexOf('千') >= 0;
        int total = 0;
        int current = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int digit = "〇一二三四五六七八九".indexOf(c);
            if (digit >= 0) {
                if (withUnits) {
                    if (current >= 0) {
                        return -1;
                    }
                    current = digit;
                } else {
                    total = total * 10 + digit;
                }
                continue;
            }
            int unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> 0;
            };
            if (unit == 0) {
                return -1;
            }
            total += (current < 0 ? 1 : current) * unit;
            current = -1;
        }
        return current >= 0 ? total + current : total;
    }
}
