package jp.kawaraban.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateExpressionsTest {

    private static final LocalDate RIYADH_REPORT = LocalDate.of(2025, 2, 19);

    private static List<LocalDate> dates(String text, LocalDate articleDate) {
        return DateExpressions.find(text, articleDate).stream().map(DateMention::date).toList();
    }

    private static LocalDate only(String text, LocalDate articleDate) {
        return onlyMention(text, articleDate).date();
    }

    private static DateMention onlyMention(String text, LocalDate articleDate) {
        List<DateMention> found = DateExpressions.find(text, articleDate);
        assertThat(found).as("dates in %s", text).hasSize(1);
        return found.get(0);
    }

    @Nested
    class CompleteDates {

        @ParameterizedTest
        @ValueSource(strings = {
                "会談は2025年2月18日に開かれた。",
                "会談は２０２５年２月１８日に開かれた。",
                "会談は二〇二五年二月十八日に開かれた。",
                "会談は二千二十五年二月十八日に開かれた。",
                "会談は令和7年2月18日に開かれた。",
                "会談は令和７年２月１８日に開かれた。",
                "会談は令和七年二月十八日に開かれた。",
                "会談は2025/02/18に開かれた。",
                "会談は2025/2/18に開かれた。",
                "会談は２０２５／２／１８に開かれた。"})
        void everySpellingOfTheRiyadhMeetingGivesOneDate(String text) {
            assertThat(only(text, null)).isEqualTo(LocalDate.of(2025, 2, 18));
        }

        @Test
        void offsetsAndSurfaceAreThoseOfTheOriginalText() {
            String text = "外相らが２０２５年２月１８日、リヤドで会った。";
            DateMention mention = DateExpressions.find(text, null).get(0);
            assertThat(mention.surface()).isEqualTo("２０２５年２月１８日");
            assertThat(text.substring(mention.start(), mention.end())).isEqualTo(mention.surface());
            assertThat(mention.start()).isEqualTo(4);
        }

        @Test
        void eraYearsFollowTheirFirstYear() {
            assertThat(only("令和元年5月1日", null)).isEqualTo(LocalDate.of(2019, 5, 1));
            assertThat(only("平成31年4月30日", null)).isEqualTo(LocalDate.of(2019, 4, 30));
            assertThat(only("平成元年1月8日", null)).isEqualTo(LocalDate.of(1989, 1, 8));
            assertThat(only("昭和64年1月7日", null)).isEqualTo(LocalDate.of(1989, 1, 7));
        }

        @ParameterizedTest
        @ValueSource(strings = {"令和元年4月30日", "平成31年5月1日", "平成元年1月7日", "昭和64年1月8日", "令和0年5月1日"})
        void eraDatesOutsideTheEraAreSkipped(String text) {
            assertThat(DateExpressions.find(text, RIYADH_REPORT)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2025年2月30日", "2025年13月1日", "2025年2月0日", "2025/02/30",
                "2025年2月29日", "令和7年2月29日", "二〇二五年二月三十日"})
        void impossibleDatesAreSkipped(String text) {
            assertThat(DateExpressions.find(text, RIYADH_REPORT)).isEmpty();
        }

        @Test
        void aLeapDayIsADate() {
            assertThat(only("2024年2月29日", null)).isEqualTo(LocalDate.of(2024, 2, 29));
        }

        @Test
        void anInvalidDateDoesNotLeaveItsDayBehind() {
            // 2月30日 is skipped as a whole: 30日 must not come back as a day of the month
            assertThat(DateExpressions.find("2025年2月30日に", RIYADH_REPORT)).isEmpty();
            assertThat(DateExpressions.find("2月30日に", RIYADH_REPORT)).isEmpty();
        }

        @Test
        void slashedDatesNeedAFourDigitYearAndNoMoreDigits() {
            assertThat(DateExpressions.find("比率は2/18だった。", RIYADH_REPORT)).isEmpty();
            assertThat(DateExpressions.find("番号12025/02/18", RIYADH_REPORT)).isEmpty();
            assertThat(DateExpressions.find("2025/02/185", RIYADH_REPORT)).isEmpty();
            assertThat(DateExpressions.find("2025/02-18", RIYADH_REPORT)).isEmpty();
        }

        @Test
        void aYearAndMonthWithoutDayIsTheWholeMonth() {
            // (before issue 19 this was not read at all; 昨年12月 had to be, and 2025年1月 with it)
            DateMention month = onlyMention("第2次政権は2025年1月に発足した。", RIYADH_REPORT);
            assertThat(month.date()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(month.until()).isEqualTo(LocalDate.of(2025, 1, 31));
            assertThat(month.isDay()).isFalse();
        }

        @Test
        void completeDatesDoNotNeedTheArticleDate() {
            assertThat(dates("2025年4月25日と2025/04/11", null))
                    .containsExactly(LocalDate.of(2025, 4, 25), LocalDate.of(2025, 4, 11));
        }
    }

    @Nested
    class MonthAndDay {

        @ParameterizedTest
        @CsvSource({
                // article date, text, expected
                "2025-02-19, 会談は2月18日に開かれた, 2025-02-18",
                "2025-02-19, 二月十八日, 2025-02-18",
                "2025-02-19, 12月20日, 2024-12-20",
                "2025-02-19, 4月1日に施行, 2025-04-01",
                "2025-02-19, 5月19日, 2025-05-19",
                "2025-02-19, 5月20日, 2024-05-20",
                "2025-02-19, 6月1日, 2024-06-01",
                "2025-12-20, 1月15日に就任, 2026-01-15",
                "2025-01-10, 12月31日, 2024-12-31",
                "2025-04-26, 4月25日の会談, 2025-04-25"})
        void theYearComesFromTheArticleDateWindow(LocalDate articleDate, String text, LocalDate expected) {
            assertThat(only(text, articleDate)).isEqualTo(expected);
        }

        @Test
        void relativeYearsAreTakenFromTheArticleDate() {
            LocalDate article = LocalDate.of(2025, 2, 19);
            assertThat(only("昨年12月5日", article)).isEqualTo(LocalDate.of(2024, 12, 5));
            assertThat(only("去年3月5日", article)).isEqualTo(LocalDate.of(2024, 3, 5));
            assertThat(only("今年11月5日", article)).isEqualTo(LocalDate.of(2025, 11, 5));
            assertThat(only("来年1月20日", article)).isEqualTo(LocalDate.of(2026, 1, 20));
            assertThat(DateExpressions.find("昨年12月5日", article).get(0).surface()).isEqualTo("昨年12月5日");
        }

        @Test
        void relativeMonthsAreTakenFromTheArticleDate() {
            LocalDate article = LocalDate.of(2025, 1, 10);
            assertThat(only("先月28日に", article)).isEqualTo(LocalDate.of(2024, 12, 28));
            assertThat(only("今月3日に", article)).isEqualTo(LocalDate.of(2025, 1, 3));
            assertThat(only("来月5日に", article)).isEqualTo(LocalDate.of(2025, 2, 5));
            assertThat(DateExpressions.find("来月30日に", article)).isEmpty(); // there is no 30 February
            assertThat(DateExpressions.find("先月28日に", null)).isEmpty();
        }

        @Test
        void sameMonthRefersToTheDateBeforeIt() {
            String text = "2025年4月11日にサンクトペテルブルクで会い、同月25日にモスクワで再び会談した。";
            assertThat(dates(text, LocalDate.of(2025, 4, 26)))
                    .containsExactly(LocalDate.of(2025, 4, 11), LocalDate.of(2025, 4, 25));
            assertThat(DateExpressions.find("同月25日に", LocalDate.of(2025, 4, 26))).isEmpty();
        }

        @Test
        void sameYearRefersToTheLastExplicitYear() {
            String text = "クリミア半島は2014年3月18日に併合が宣言され、同年3月21日に手続きが終わった。";
            assertThat(dates(text, LocalDate.of(2025, 4, 25)))
                    .containsExactly(LocalDate.of(2014, 3, 18), LocalDate.of(2014, 3, 21));
            assertThat(DateExpressions.find("同年3月21日", LocalDate.of(2025, 4, 25))).isEmpty();
        }

        @Test
        void aFebruary29thInANonLeapWindowIsSkipped() {
            assertThat(DateExpressions.find("2月29日", LocalDate.of(2025, 2, 19))).isEmpty();
            assertThat(only("2月29日", LocalDate.of(2024, 3, 10))).isEqualTo(LocalDate.of(2024, 2, 29));
        }

        @Test
        void unresolvableYearsAreSkipped() {
            assertThat(DateExpressions.find("前年2月1日に", RIYADH_REPORT)).isEmpty();
            assertThat(DateExpressions.find("25年2月18日に", RIYADH_REPORT)).isEmpty();
            assertThat(DateExpressions.find("2月18日に", null)).isEmpty();
        }

        @Test
        void aDatedDocumentIsADate() {
            assertThat(only("2月18日付の声明", RIYADH_REPORT)).isEqualTo(LocalDate.of(2025, 2, 18));
        }
    }

    @Nested
    class DayAlone {

        @Test
        void theRiyadhReportReadsThe18thAsTheMeetingDay() {
            String lead = "ルビオ米国務長官とラブロフ露外相は18日、サウジアラビアのリヤドで会談し、"
                    + "ウクライナでの戦闘終結に向けてそれぞれ高官チームを指名することなどで合意した。";
            DateMention mention = DateExpressions.find(lead, RIYADH_REPORT).get(0);
            assertThat(mention.date()).isEqualTo(LocalDate.of(2025, 2, 18));
            assertThat(mention.surface()).isEqualTo("18日");
            assertThat(lead.substring(mention.start(), mention.end())).isEqualTo("18日");
        }

        @ParameterizedTest
        @CsvSource({
                "2025-02-19, 18日, 2025-02-18",
                "2025-02-19, 19日, 2025-02-19",
                "2025-02-19, 25日, 2025-02-25",
                "2025-07-03, 20日の投開票, 2025-07-20",
                "2025-03-02, 28日, 2025-02-28",
                "2025-03-05, 27日, 2025-02-27",
                "2025-03-05, 26日, 2025-02-26",
                "2025-03-05, 25日, 2025-03-25",
                "2025-03-02, 30日, 2025-03-30",
                "2025-03-01, 30日, 2025-03-30",
                "2025-01-03, 31日, 2024-12-31",
                "2025-03-31, 31日, 2025-03-31",
                "2025-04-26, １７日, 2025-04-17"})
        void aDayAloneIsInTheArticlesMonthUnlessItIsTheWeekBefore(LocalDate articleDate, String text,
                LocalDate expected) {
            assertThat(only(text, articleDate)).isEqualTo(expected);
        }

        @Test
        void aDayTheArticlesMonthLacksIsInThePreviousMonth() {
            assertThat(only("30日に", LocalDate.of(2025, 2, 20))).isEqualTo(LocalDate.of(2025, 1, 30));
            assertThat(only("31日に", LocalDate.of(2025, 4, 10))).isEqualTo(LocalDate.of(2025, 3, 31));
        }

        @Test
        void timesOfDayDoNotStopADate() {
            assertThat(only("18日午前、", RIYADH_REPORT)).isEqualTo(LocalDate.of(2025, 2, 18));
            assertThat(only("15日未明に発表", LocalDate.of(2025, 9, 15))).isEqualTo(LocalDate.of(2025, 9, 15));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "選挙戦は17日間続く。", "3日連続で下落した。", "大会は10日目を迎えた。", "3日後に再開する。",
                "5日ぶりに再開した。", "7日以内に返答する。", "1日当たり2便が走る。",
                "最低3日分の水を備える。", "最盛期には1日20便が走った。", "会議は当初の予定を1日延長した。",
                "路線バスも1日に数便しか走らない。", "輸送日数は最大12日延びる。", "迂回で約10日かかる。",
                "輸送日数は9日から12日ほど延びる。", "三日月が見えた。", "第3日の競技", "1.5日分の在庫",
                "合計で28日間", "1、2日で終わる見通しだ。"})
        void amountsOfDaysAreNotDates(String text) {
            assertThat(DateExpressions.find(text, RIYADH_REPORT)).as(text).isEmpty();
        }

        @Test
        void theFirstIsADateWhenADateFollowsIt() {
            LocalDate article = LocalDate.of(2025, 7, 3);
            assertThat(only("1日、発表した。", article)).isEqualTo(LocalDate.of(2025, 7, 1));
            assertThat(only("1日午後に", article)).isEqualTo(LocalDate.of(2025, 7, 1));
            assertThat(only("1日から始まった。", article)).isEqualTo(LocalDate.of(2025, 7, 1));
            assertThat(only("1日付で就任した。", article)).isEqualTo(LocalDate.of(2025, 7, 1));
        }

        @Test
        void itNeedsTheArticleDate() {
            assertThat(DateExpressions.find("18日、リヤドで", null)).isEmpty();
        }

        @Test
        void theDayOfAMonthAndDayIsNotFoundTwice() {
            assertThat(DateExpressions.find("会談は2月18日、昼食をはさんで続いた。", RIYADH_REPORT))
                    .extracting(DateMention::surface).containsExactly("2月18日");
        }
    }

    @Nested
    class TwoDays {

        @Test
        void aListGivesOneMentionPerDay() {
            String text = "日銀の決定会合は23、24日の2日間開かれる。";
            List<DateMention> found = DateExpressions.find(text, LocalDate.of(2025, 1, 22));
            assertThat(found).extracting(DateMention::date)
                    .containsExactly(LocalDate.of(2025, 1, 23), LocalDate.of(2025, 1, 24));
            assertThat(found).extracting(DateMention::surface).containsExactly("23", "24日");
            for (DateMention mention : found) {
                assertThat(text.substring(mention.start(), mention.end())).isEqualTo(mention.surface());
            }
        }

        @Test
        void monthAndYearAreShared() {
            assertThat(dates("2025年2月18・19日", null))
                    .containsExactly(LocalDate.of(2025, 2, 18), LocalDate.of(2025, 2, 19));
            assertThat(dates("2月18、19日", RIYADH_REPORT))
                    .containsExactly(LocalDate.of(2025, 2, 18), LocalDate.of(2025, 2, 19));
        }

        @Test
        void aRangeMayCrossTheEndOfAMonth() {
            assertThat(dates("1月30～2日", null)).isEmpty(); // no year to resolve without an article date
            assertThat(dates("2025年1月30～2日", null))
                    .containsExactly(LocalDate.of(2025, 1, 30), LocalDate.of(2025, 2, 2));
            assertThat(dates("30～2日", LocalDate.of(2025, 2, 3)))
                    .containsExactly(LocalDate.of(2025, 1, 30), LocalDate.of(2025, 2, 2));
        }
    }

    @Test
    void datesOfTheMoscowArticleResolveAgainstItsPublicationDay() {
        String text = "米ブルームバーグ通信は24日、ウィットコフ氏が今回の訪問で、ウクライナが独自の軍と"
                + "防衛産業を維持する権利を認めるようロシアに求める可能性があると報じていた。\n\n"
                + "米国は17日、ウクライナ側に和平案を提示した。報道によると、2014年にロシアが併合した"
                + "クリミア半島をロシア領と認めることが盛り込まれた。\n\n"
                + "ロシア軍のゲラシモフ参謀総長は19日、クルスク州の地域の99.5%を奪還したと主張した。";
        assertThat(dates(text, LocalDate.of(2025, 4, 26))).containsExactly(
                LocalDate.of(2025, 4, 24), LocalDate.of(2025, 4, 17), LocalDate.of(2025, 4, 19));
    }

    @Test
    void nullAndEmptyTextGiveNothing() {
        assertThat(DateExpressions.find(null, RIYADH_REPORT)).isEmpty();
        assertThat(DateExpressions.find("", RIYADH_REPORT)).isEmpty();
        assertThat(DateExpressions.find("日付のない文。", RIYADH_REPORT)).isEmpty();
    }

    @Test
    void kanjiNumbersAreRead() {
        assertThat(DateExpressions.number("二〇二五")).isEqualTo(2025);
        assertThat(DateExpressions.number("二千二十五")).isEqualTo(2025);
        assertThat(DateExpressions.number("三十一")).isEqualTo(31);
        assertThat(DateExpressions.number("十")).isEqualTo(10);
        assertThat(DateExpressions.number("十八")).isEqualTo(18);
        assertThat(DateExpressions.number("元")).isEqualTo(1);
        assertThat(DateExpressions.number("１８")).isEqualTo(18);
        assertThat(DateExpressions.number("二二十")).isEqualTo(-1);
    }

    @Nested
    class FormsAddedForIssue19 {

        /** A Wednesday. */
        private static final LocalDate ARTICLE = LocalDate.of(2025, 6, 18);

        private static String period(String text, LocalDate articleDate) {
            return DateExpressionsMeasureTest.describe(onlyMention(text, articleDate));
        }

        @Test
        void daysCountedFromTheArticleDate() {
            assertThat(only("昨日、現地を視察した。", ARTICLE)).isEqualTo(LocalDate.of(2025, 6, 17));
            assertThat(only("一昨日の夜に発生した。", ARTICLE)).isEqualTo(LocalDate.of(2025, 6, 16));
            assertThat(only("明日から受け付ける。", ARTICLE)).isEqualTo(LocalDate.of(2025, 6, 19));
            assertThat(only("事故は4日前に起きた。", ARTICLE)).isEqualTo(LocalDate.of(2025, 6, 14));
            assertThat(DateExpressions.find("昨日、現地を視察した。", null)).isEmpty();
        }

        @Test
        void sameDayIsTheDateMentionedBeforeIt() {
            assertThat(dates("市は9日に計画を発表し、同日夜に説明会を開いた。", ARTICLE))
                    .containsExactly(LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 9));
            assertThat(DateExpressions.find("同日夜に説明会を開いた。", ARTICLE)).isEmpty();
        }

        @Test
        void theDayAfterAndBeforeCountFromTheDateMentionedBefore() {
            assertThat(dates("市は9日に計画を発表し、翌日に説明会を開いた。", ARTICLE))
                    .containsExactly(LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 10));
            assertThat(dates("式典は20日に開かれ、前日には予行演習があった。", ARTICLE))
                    .containsExactly(LocalDate.of(2025, 6, 20), LocalDate.of(2025, 6, 19));
            // without a date before them they are not read, and 前日比 compares prices
            assertThat(DateExpressions.find("翌日に説明会を開いた。", ARTICLE)).isEmpty();
            assertThat(dates("株価は9日、前日比で3%上がった。", ARTICLE)).containsExactly(LocalDate.of(2025, 6, 9));
        }

        @Test
        void aMonthAloneAndAWeekendArePeriods() {
            assertThat(period("移転は来月中に終える。", ARTICLE)).isEqualTo("来月=2025-07-01..2025-07-31");
            assertThat(period("先月は雨が多かった。", ARTICLE)).isEqualTo("先月=2025-05-01..2025-05-31");
            assertThat(period("先週末に会談した。", ARTICLE)).isEqualTo("先週末=2025-06-14..2025-06-15");
            assertThat(period("来週末に開く。", ARTICLE)).isEqualTo("来週末=2025-06-28..2025-06-29");
        }

        @Test
        void periodsCarryTheirFirstAndLastDay() {
            assertThat(period("来週に結論を出す。", ARTICLE)).isEqualTo("来週=2025-06-23..2025-06-29");
            assertThat(period("今月末に退任する。", ARTICLE)).isEqualTo("今月末=2025-06-30");
            assertThat(period("期限は9月末だ。", ARTICLE)).isEqualTo("9月末=2025-09-30");
            assertThat(period("来月中旬に始まる。", ARTICLE)).isEqualTo("来月中旬=2025-07-11..2025-07-20");
            assertThat(period("昨年12月に就任した。", ARTICLE)).isEqualTo("昨年12月=2024-12-01..2024-12-31");
        }

        @Test
        void aFiscalYearRunsFromAprilToMarch() {
            assertThat(period("2026年度の計画を示した。", ARTICLE)).isEqualTo("2026年度=2026-04-01..2027-03-31");
            assertThat(period("令和7年度の決算", ARTICLE)).isEqualTo("令和7年度=2025-04-01..2026-03-31");
            // in February the current fiscal year is the one that began the April before
            assertThat(period("今年度の予算", LocalDate.of(2026, 2, 10))).isEqualTo("今年度=2025-04-01..2026-03-31");
            assertThat(period("2025年度末に完成する。", ARTICLE)).isEqualTo("2025年度末=2026-03-31");
        }

        @Test
        void anEraYearIsThePartOfTheYearInThatEra() {
            assertThat(period("令和元年に改元された。", ARTICLE)).isEqualTo("令和元年=2019-05-01..2019-12-31");
            assertThat(period("平成31年の春", ARTICLE)).isEqualTo("平成31年=2019-01-01..2019-04-30");
            assertThat(period("平成7年の震災", ARTICLE)).isEqualTo("平成7年=1995-01-01..1995-12-31");
            assertThat(DateExpressions.find("平成32年に", ARTICLE)).isEmpty();
        }

        @Test
        void bothDaysOfRyojitsu() {
            assertThat(dates("会議は22、23両日に開かれる。", ARTICLE))
                    .containsExactly(LocalDate.of(2025, 6, 22), LocalDate.of(2025, 6, 23));
        }

        @ParameterizedTest
        @ValueSource(strings = {"発生から5日が過ぎた。", "開業から10日がたった。", "完成まで3日かかる。",
                "工期が2日延びた。", "明日香村を訪ねた。", "候補者は投票の3日前に辞退した。",
                "入国後14日の待機が求められる。"})
        void amountsOfDaysAndLookalikesAreNotDates(String text) {
            assertThat(DateExpressions.find(text, ARTICLE)).as(text).isEmpty();
        }

        @Test
        void newYearsDayAfterAnAmountOfDays() {
            assertThat(DateExpressions.find("元日の地震から5日が過ぎた。", LocalDate.of(2025, 1, 6)))
                    .extracting(DateExpressionsMeasureTest::describe).containsExactly("元日=2025-01-01");
        }
    }

    @Nested
    class SentenceAround {

        @Test
        void theSentenceOfAMentionEndsWithItsFullStop() {
            String text = "【リヤド発】会談は2月18日、昼食をはさんで4時間余りにわたった。米側はルビオ長官らが出席した。";
            DateMention mention = DateExpressions.find(text, RIYADH_REPORT).get(0);
            assertThat(DateExpressions.sentenceAround(text, mention.start(), mention.end()))
                    .isEqualTo("【リヤド発】会談は2月18日、昼食をはさんで4時間余りにわたった。");
        }

        @Test
        void sentencesEndWithExclamationAndQuestionMarksAndLineBreaks() {
            String text = "本当か？ 会談は18日に開かれた！\n- 2025/02/18 リヤドで外相会談\n次の行。";
            assertThat(DateExpressions.sentenceAround(text, text.indexOf("18日"), text.indexOf("18日") + 3))
                    .isEqualTo("会談は18日に開かれた！");
            int slash = text.indexOf("2025/02/18");
            assertThat(DateExpressions.sentenceAround(text, slash, slash + 10))
                    .isEqualTo("- 2025/02/18 リヤドで外相会談");
        }

        @Test
        void aFullStopInsideQuotesDoesNotEndTheSentence() {
            String text = "前置き。アールステン氏は15日未明、「声を重く受け止める。安定した政権をつくる」と述べた。次。";
            int at = text.indexOf("15日");
            assertThat(DateExpressions.sentenceAround(text, at, at + 3))
                    .isEqualTo("アールステン氏は15日未明、「声を重く受け止める。安定した政権をつくる」と述べた。");
        }

        @Test
        void aSpanOverTwoSentencesGivesBoth() {
            String text = "一つ目。二つ目。三つ目。";
            assertThat(DateExpressions.sentenceAround(text, 2, 6)).isEqualTo("一つ目。二つ目。");
        }

        @Test
        void textWithoutAFullStopIsOneSentence() {
            assertThat(DateExpressions.sentenceAround("見出しの18日", 4, 7)).isEqualTo("見出しの18日");
        }

        @Test
        void badInputIsClampedNotThrown() {
            assertThat(DateExpressions.sentenceAround(null, 0, 3)).isEmpty();
            assertThat(DateExpressions.sentenceAround("", 0, 3)).isEmpty();
            assertThat(DateExpressions.sentenceAround("一文。二文。", -5, 2)).isEqualTo("一文。");
            assertThat(DateExpressions.sentenceAround("一文。二文。", 4, 100)).isEqualTo("二文。");
            assertThat(DateExpressions.sentenceAround("一文。二文。", 5, 4)).isEqualTo("二文。");
        }
    }
}
