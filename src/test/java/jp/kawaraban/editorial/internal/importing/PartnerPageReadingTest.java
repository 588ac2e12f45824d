package jp.kawaraban.editorial.internal.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Section;
import jp.kawaraban.editorial.GivenSource;
import jp.kawaraban.editorial.ImportWarning;
import jp.kawaraban.editorial.ImportException;
import jp.kawaraban.editorial.ImportWarning.Kind;
import jp.kawaraban.editorial.ImportedPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our own test pages (src/test/resources/import/pages), written to look like Japanese news
 * sites' pages and their saved text, read into drafts: each draft's fields, and none of the
 * page's clutter in what readers would read.
 */
class PartnerPageReadingTest {

    static final List<Section> SECTIONS = List.of(new Section("world", "国際"), new Section("politics", "政治"),
            new Section("business", "経済"), new Section("technology", "テクノロジー"), new Section("sports", "スポーツ"),
            new Section("society", "社会"));
    static final Path PAGES = Path.of("src/test/resources/import/pages");
    /** Words of the interface around an article; none may reach the draft. */
    static final List<String> CLUTTER = List.of("シェア", "ログイン", "関連記事", "関連ニュース", "ランキング", "会員登録",
            "ニュースレター", "メールマガジン", "有料会員", "おすすめ", "広告", "Copyright", "©", "印刷", "ツイート", "コメント",
            "無断転載", "利用規約", "フォロー", "いいね", "共有", "あわせて読みたい", "よく読まれている");

    private final PageReader reader = new PageReader(SECTIONS, "society", 5L << 20);

    static Stream<String> pages() throws IOException {
        try (Stream<Path> files = Files.list(PAGES)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    private ImportedPage read(String name) {
        try {
            return reader.read(name, Files.readAllBytes(PAGES.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(ImportedPage page) {
        StringBuilder all = new StringBuilder(page.headline()).append('\n').append(page.lead());
        page.blocks().forEach(b -> all.append('\n').append(b.plainText()));
        page.bylines().forEach(b -> all.append('\n').append(b));
        return all.toString();
    }

    private static OffsetDateTime jst(String local) {
        return OffsetDateTime.parse(local + "+09:00");
    }

    @Test
    void thereAreAtLeastTwentyPagesOfOurOwn() throws IOException {
        assertThat(pages().count()).isGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyPageBecomesADraftWithoutTheClutterAroundTheArticle(String name) {
        ImportedPage page = read(name);
        assertThat(page.headline()).isNotBlank().doesNotContain("|", "｜");
        assertThat(page.lead()).hasSizeGreaterThan(20);
        assertThat(page.blocks()).isNotEmpty();
        assertThat(page.bylines()).isNotEmpty();
        assertThat(page.sourceName()).isNotBlank();
        assertThat(text(page)).doesNotContain(CLUTTER);
        assertThat(page.blocks()).allSatisfy(block -> assertThat(block.plainText()).doesNotContain("【関連", "■関連", "この記事"));
    }

    @Test
    void aPageWithStructuredDataKeepsItsMetadataAndLosesItsShareBarAdsAndLists() {
        ImportedPage page = read("01-toto-shimbun-politics.html");
        assertThat(page.headline()).isEqualTo("予算案、衆院を通過　年度内成立が確実に");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-04T15:42:00"));
        assertThat(page.updatedAt()).isEqualTo(jst("2026-03-04T19:10:00"));
        assertThat(page.sectionCode()).isEqualTo("politics");
        assertThat(page.bylines()).containsExactly("政治部 岡本直樹");
        assertThat(page.sourceName()).isEqualTo("東都新聞デジタル");
        assertThat(page.sourceUrl()).hasToString("https://www.toto-shimbun.example/politics/articles/20260304-0012.html");
        assertThat(page.lead()).startsWith("2026年度予算案は4日の衆院本会議で");
        assertThat(page.blocks()).extracting(Block::plainText).containsExactly(
                "一般会計の総額は過去最大の規模となった。社会保障費の伸びに加え、防衛費や国債の利払い費が膨らんだ。野党は子育て支援の財源などをただしたが、修正には至らなかった。",
                "審議時間は前年並み",
                "衆院予算委員会での審議時間は前年とほぼ同じだった。与党幹部は「必要な議論は尽くした」と述べた一方、野党側は「物価高への対応が不十分だ」と反発している。",
                "参院では来週から予算委員会で基本的質疑が始まる。首相は記者団に対し、「成立後は速やかに執行し、賃上げの流れを地方に広げたい」と語った。");
        assertThat(page.blocks().get(1)).isInstanceOf(Block.Heading.class);
        assertThat(page.accessLevel()).isEqualTo(AccessLevel.FREE);
        assertThat(page.warnings()).isEmpty();
    }

    @Test
    void aPaywalledPageStopsAtThePromptAndIsImportedAsPaid() {
        ImportedPage page = read("02-kita-nippo-economy.html");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-04T10:05:00"));
        assertThat(page.updatedAt()).isEqualTo(jst("2026-03-04T18:30:00"));
        assertThat(page.sectionCode()).isEqualTo("business");
        assertThat(page.accessLevel()).isEqualTo(AccessLevel.PAID);
        assertThat(page.blocks()).hasSize(1);
        assertThat(text(page)).doesNotContain("残り", "初月無料", "朝の北日報", "除雪費");
        assertThat(page.bylines()).containsExactly("北日報");
        assertThat(page.warnings()).extracting(w -> w.kind()).contains(Kind.PAYWALLED_ORIGINAL, Kind.BYLINE_FROM_OUTLET);
    }

    @Test
    void aDatelineOpeningTheStoryIsTheBylineAndBreadcrumbsNameTheSection() {
        ImportedPage page = read("03-minato-times-world.html");
        assertThat(page.bylines()).containsExactly("山田太郎");
        assertThat(page.lead()).startsWith("米国とロシアの外交高官は18日").doesNotContain("【");
        assertThat(page.subheadline()).isEqualTo("首脳会談の日程は決まらず");
        assertThat(page.publishedAt()).isEqualTo(jst("2025-02-19T10:05:00"));
        assertThat(page.updatedAt()).isEqualTo(jst("2025-02-19T13:40:00"));
        assertThat(page.sectionCode()).isEqualTo("world");
        assertThat(page.blocks()).hasSize(3);
    }

    @Test
    void headingsAndListsStayAndTheCreditLineIsTheByline() {
        ImportedPage page = read("04-yamabiko-sports.html");
        assertThat(page.bylines()).containsExactly("高橋健一");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-04T10:05:00"));
        assertThat(page.sectionCode()).isEqualTo("sports");
        assertThat(page.blocks()).filteredOn(Block.Heading.class::isInstance).extracting(Block::plainText)
                .containsExactly("「全員で守り切った」", "決勝の得点経過");
        assertThat(page.blocks()).filteredOn(Block.UnorderedList.class::isInstance).singleElement()
                .satisfies(list -> assertThat(((Block.UnorderedList) list).items()).hasSize(3)
                        .first().isEqualTo("後半15分　千草工高・石田が先制"));
        assertThat(text(page)).doesNotContain("おめでとう", "しびれました", "千草工高、準決勝で快勝");
    }

    @Test
    void jsonLdInAGraphGivesSubheadlineAndDateAndFiguresAreCounted() {
        ImportedPage page = read("05-hoshizora-tech.html");
        assertThat(page.subheadline()).isEqualTo("職員の負担減、情報管理に課題");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-04T00:00:00"));
        assertThat(page.sectionCode()).isEqualTo("technology");
        assertThat(page.bylines()).containsExactly("記者 中村由美");
        assertThat(page.warnings()).extracting(w -> w.kind()).containsExactly(Kind.IMAGES_LEFT_OUT);
        assertThat(text(page)).doesNotContain("議事録作成の画面", "半導体工場");
    }

    @Test
    void aSectionWeDoNotHaveFallsBackToTheDefaultWithAWarning() {
        ImportedPage page = read("06-sakura-daily-culture.html");
        assertThat(page.sectionCode()).isEqualTo("society");
        assertThat(page.warnings()).extracting(w -> w.kind()).containsExactly(Kind.SECTION_DEFAULTED);
        assertThat(page.bylines()).containsExactly("小林誠 記者");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-04T07:00:00"));
    }

    @Test
    void brokenHtmlWithUnclosedTagsStillGivesTheWholeArticle() {
        ImportedPage page = read("07-broken-unclosed.html");
        assertThat(page.headline()).isEqualTo("路線バス撤退の町、住民が運転する「乗り合い」始まる");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-04T09:30:00"));
        assertThat(page.bylines()).containsExactly("青木 悠");
        assertThat(page.blocks()).extracting(Block::plainText).last().isEqualTo("町は利用状況を見ながら、運行日を週3日から増やすことも検討する。");
        assertThat(text(page)).doesNotContain("隣町でもバス減便");
    }

    @Test
    void aPageWithoutStructureIsReadWhereItsTextIsDense() {
        ImportedPage page = read("08-no-structure-density.html");
        assertThat(page.headline()).isEqualTo("港町の朝市、50年の歴史に幕");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-04T11:20:00"));
        assertThat(page.blocks()).hasSize(3);
        assertThat(page.warnings()).extracting(w -> w.kind()).contains(Kind.BODY_FOUND_BY_DENSITY, Kind.NO_ORIGINAL_URL);
        assertThat(text(page)).doesNotContain("イベント", "港の新しい灯台");
    }

    @Test
    void shiftJisWithoutACharsetIsDetectedAndSaidToBeGuessed() {
        ImportedPage page = read("09-shift-jis-no-charset.html");
        assertThat(page.headline()).isEqualTo("みさき市、ごみ袋を値上げへ　10月から1枚50円に");
        assertThat(page.lead()).contains("家庭ごみの指定袋");
        assertThat(page.bylines()).containsExactly("西村 彩");
        assertThat(page.sourceName()).isEqualTo("みさき市民新聞社");
        assertThat(page.warnings()).contains(new jp.kawaraban.editorial.ImportWarning(Kind.ENCODING_GUESSED, "Shift_JIS"));
    }

    @Test
    void eucJpSavedTextIsDetectedAndReadWithItsFullWidthDate() {
        ImportedPage page = read("10-euc-jp-saved-page.txt");
        assertThat(page.headline()).isEqualTo("千草川の堤防で漏水、周辺の120世帯に避難指示");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-04T08:15:00"));
        assertThat(page.bylines()).containsExactly("千草支局");
        assertThat(page.sectionCode()).isEqualTo("society");
        assertThat(page.sourceName()).isEqualTo("千草日日新聞社");
        assertThat(page.blocks()).hasSize(2);
        assertThat(page.warnings()).contains(new jp.kawaraban.editorial.ImportWarning(Kind.ENCODING_GUESSED, "EUC-JP"));
        assertThat(text(page)).doesNotContain("新駅の名前決まる", "天気");
    }

    @Test
    void aSavedPagesTextGivesHeadlineSubheadlineDatesSectionAndMarkedHeadingsAndLists() {
        ImportedPage page = read("11-saved-page-politics.txt");
        assertThat(page.headline()).isEqualTo("知事選、現職と新人2人の争いに");
        assertThat(page.subheadline()).isEqualTo("告示日の第一声、人口減対策を競う");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-05T12:30:00"));
        assertThat(page.updatedAt()).isEqualTo(jst("2026-03-05T17:45:00"));
        assertThat(page.sectionCode()).isEqualTo("politics");
        assertThat(page.bylines()).containsExactly("政治部 岡本直樹");
        assertThat(page.sourceName()).isEqualTo("東都新聞社");
        assertThat(page.blocks()).filteredOn(Block.Heading.class::isInstance).extracting(Block::plainText)
                .containsExactly("争点は人口減対策");
        assertThat(page.blocks()).filteredOn(Block.UnorderedList.class::isInstance).hasSize(1);
        assertThat(text(page)).doesNotContain("県議会、人口減対策で特別委", "東都モーニング", "メニュー");
    }

    @Test
    void aSavedPaywalledPageStopsAtThePrompt() {
        ImportedPage page = read("12-saved-page-business-paywall.txt");
        assertThat(page.headline()).isEqualTo("みさき銀行、千草銀行と経営統合へ　来春に持ち株会社");
        assertThat(page.bylines()).containsExactly("佐藤花子");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-06T09:00:00"));
        assertThat(page.accessLevel()).isEqualTo(AccessLevel.PAID);
        assertThat(page.sectionCode()).isEqualTo("business");
        assertThat(text(page)).doesNotContain("地銀再編、加速の背景は", "1,523");
    }

    @Test
    void aDatelineOnItsOwnLineAndAnAddressLineAreTaken() {
        ImportedPage page = read("13-saved-page-world.txt");
        assertThat(page.bylines()).containsExactly("鈴木一郎");
        assertThat(page.sourceUrl()).hasToString("https://minato-times.example/world/20250426/putin-witkoff");
        assertThat(page.publishedAt()).isEqualTo(jst("2025-04-26T09:10:00"));
        assertThat(page.sectionCode()).isEqualTo("world");
        assertThat(text(page)).doesNotContain("クリミア承認");
    }

    @Test
    void theLivedoorCorpusFormatIsReadLineByLine() {
        ImportedPage page = read("14-livedoor-format.txt");
        assertThat(page.headline()).isEqualTo("雪まつりの会場に「AR雪像」、スマホをかざすと動き出す");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-04T10:00:00"));
        assertThat(page.sourceUrl()).hasToString("http://news.example-portal.jp/article/detail/7700001/");
        assertThat(page.sourceName()).isEqualTo("news.example-portal.jp");
        assertThat(page.blocks()).hasSize(2);
        assertThat(page.warnings()).extracting(w -> w.kind()).contains(Kind.OUTLET_FROM_ADDRESS, Kind.BYLINE_FROM_OUTLET);
    }

    @Test
    void aLivedoorFileNamedAfterItsCategoryCreditsThatOutlet() throws IOException {
        byte[] bytes = Files.readAllBytes(PAGES.resolve("14-livedoor-format.txt"));
        ImportedPage page = reader.read("it-life-hack-7700001.txt", bytes);
        assertThat(page.sourceName()).isEqualTo("ITライフハック");
        assertThat(page.sectionCode()).isEqualTo("technology");
    }

    @Test
    void anOrganisationAsAuthorIsNoBylineAndSectionListsArePicked() {
        ImportedPage page = read("15-amp-page.html");
        assertThat(page.bylines()).containsExactly("やまびこスポーツ");
        assertThat(page.warnings()).extracting(w -> w.kind()).containsExactly(Kind.BYLINE_FROM_OUTLET);
        assertThat(page.sectionCode()).isEqualTo("sports");
    }

    @Test
    void paragraphsSeparatedByLineBreaksAndLabelledDatesAreRead() {
        ImportedPage page = read("16-blog-style-br.html");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-01T00:00:00"));
        assertThat(page.updatedAt()).isEqualTo(jst("2026-03-02T00:00:00"));
        assertThat(page.bylines()).containsExactly("松本さやか");
        assertThat(page.lead()).startsWith("青葉町の中央商店街で1日");
        assertThat(page.blocks()).hasSize(2);
        assertThat(text(page)).doesNotContain("夏祭り");
    }

    @Test
    void aWireDatelineCreditsTheAgencyRatherThanTheDesk() {
        ImportedPage page = read("17-wire-story.html");
        assertThat(page.bylines()).containsExactly("共同");
        assertThat(page.lead()).startsWith("国連の食料支援機関は3日");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-04T06:12:00"));
        assertThat(page.sectionCode()).isEqualTo("world");
    }

    @Test
    void aPrintViewGivesTheCopyrightHolderAsTheOutlet() {
        ImportedPage page = read("18-print-view.html");
        assertThat(page.sourceName()).isEqualTo("ひがし新報社");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-03T00:00:00"));
        assertThat(page.bylines()).containsExactly("青木 悠");
        assertThat(page.blocks()).hasSize(2);
    }

    @Test
    void theBiggestArticleWinsOverStoryCardsAndTrackingParametersLeaveTheAddress() {
        ImportedPage page = read("19-related-cards.html");
        assertThat(page.headline()).isEqualTo("県立美術館、改修終え4月に再開へ");
        assertThat(page.sourceUrl()).hasToString("https://chigusa-nichinichi.example/culture/museum-reopen");
        assertThat(page.sourceKey()).isEqualTo("import:https://chigusa-nichinichi.example/culture/museum-reopen");
        assertThat(page.bylines()).containsExactly("文化部 斎藤 葵");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-02T11:00:00"));
        assertThat(text(page)).doesNotContain("新駅の名前決まる", "市民投票", "休館、来館者");
    }

    @Test
    void datesGivenInUtcKeepTheirInstantAndSeveralAuthorsAreKept() {
        ImportedPage page = read("20-utc-dates-jsonld.html");
        assertThat(page.publishedAt().toInstant()).isEqualTo(jst("2026-03-04T07:30:00").toInstant());
        assertThat(page.updatedAt().toInstant()).isEqualTo(jst("2026-03-04T10:15:00").toInstant());
        assertThat(page.bylines()).containsExactly("Emily Carter", "木村 翔");
        assertThat(page.sectionCode()).isEqualTo("technology");
        assertThat(page.warnings()).extracting(w -> w.kind()).containsExactly(Kind.SECTION_FROM_WORDS);
    }

    @Test
    void aSeparateLeadIsTheLeadAndALockedTierIsPaid() {
        ImportedPage page = read("21-smartphone-paywall.html");
        assertThat(page.lead()).startsWith("トラック運転手の時間外労働の規制強化から2年");
        assertThat(page.blocks()).hasSize(2).first().extracting(Block::plainText).asString().startsWith("北国市の運送会社4社は");
        assertThat(page.accessLevel()).isEqualTo(AccessLevel.PAID);
        assertThat(page.sectionCode()).isEqualTo("business");
        assertThat(text(page)).doesNotContain("アプリで読む", "雪まつり開幕");
    }

    @Test
    void aPageWithoutADateSaysSo() {
        ImportedPage page = read("22-saved-page-no-date.txt");
        assertThat(page.publishedAt()).isNull();
        assertThat(page.bylines()).containsExactly("松本さやか");
        assertThat(page.warnings()).extracting(w -> w.kind()).contains(Kind.NO_PUBLISHED_DATE, Kind.NO_ORIGINAL_URL);
        assertThat(page.sourceKey()).startsWith("import:sha256:");
    }

    @Test
    void aPageWithoutABylineCreditsTheOutlet() {
        ImportedPage page = read("23-no-byline.html");
        assertThat(page.bylines()).containsExactly("北国エアポートニュース");
        assertThat(page.publishedAt()).isEqualTo(jst("2026-03-04T00:00:00"));
        assertThat(page.warnings()).extracting(w -> w.kind()).contains(Kind.BYLINE_FROM_OUTLET);
    }

    // ---- malformed input ------------------------------------------------------------------------

    @Test
    void emptyBinaryAndTooLargeFilesAreRefused() {
        assertProblem("empty.html", new byte[0], ImportException.Problem.EMPTY);
        assertProblem("blank.txt", "   \n\n ".getBytes(StandardCharsets.UTF_8), ImportException.Problem.EMPTY);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertProblem("photo.html", png, ImportException.Problem.BINARY);
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        assertProblem("pages.zip", zip, ImportException.Problem.BINARY);
        assertProblem("nul.txt", "記事\u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8), ImportException.Problem.BINARY);
        PageReader small = new PageReader(SECTIONS, "society", 1024);
        assertThatThrownBy(() -> small.read("big.html", new byte[2048]))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ImportException.Problem.TOO_LARGE);
                    assertThat(e.detail()).isEqualTo("1024");
                });
    }

    @Test
    void aPageWithNoArticleTextIsRefused() {
        String menuOnly = """
                <html><head><meta charset="utf-8"><title>東都新聞デジタル</title></head><body>
                <nav><a href="/">トップ</a><a href="/politics">政治</a></nav><h1>ページが見つかりません</h1>
                <footer>© 2026 東都新聞社</footer></body></html>""";
        assertProblem("404.html", menuOnly.getBytes(StandardCharsets.UTF_8), ImportException.Problem.NO_ARTICLE);
    }

    @Test
    void textWhoseOutletCannotBeToldIsReadAsAnUnknownOutletsDraft() {
        String bare = "見出しだけの記事\n本文の一文目です。誰が書いたのか、どこの媒体なのかが書かれていません。\n二文目もありますが、出典はどこにもありません。";
        ImportedPage page = reader.read("bare.txt", bare.getBytes(StandardCharsets.UTF_8));
        assertThat(page.sourceName()).isEqualTo("媒体不明");
        assertThat(page.outletUnknown()).isTrue();
        assertThat(page.has(ImportWarning.Kind.OUTLET_UNKNOWN)).isTrue();

        // Named by whoever imports it, the page is theirs, address and all.
        ImportedPage named = reader.read("bare.txt", bare.getBytes(StandardCharsets.UTF_8),
                GivenSource.typed("北浜タイムズ", "https://kitahama-times.example/news/77"));
        assertThat(named.sourceName()).isEqualTo("北浜タイムズ");
        assertThat(named.sourceUrl()).hasToString("https://kitahama-times.example/news/77");
        assertThat(named.sourceKey()).isEqualTo("import:https://kitahama-times.example/news/77");
        assertThat(named.outletUnknown()).isFalse();
        assertThat(named.warnings()).extracting(ImportWarning::kind).doesNotContain(ImportWarning.Kind.OUTLET_UNKNOWN);
    }

    @Test
    void anAddressGivenForThePageMustBeAWebAddress() {
        assertThatThrownBy(() -> GivenSource.typed("北浜タイムズ", "javascript:alert(1)"))
                .isInstanceOfSatisfying(ImportException.class,
                        e -> assertThat(e.problem()).isEqualTo(ImportException.Problem.BAD_SOURCE_URL));
        assertThatThrownBy(() -> GivenSource.typed(null, "北浜タイムズ"))
                .isInstanceOf(ImportException.class);
    }

    @Test
    void aPageCopiedFromABrowserReadsWithoutTheSiteAroundIt() {
        ImportedPage page = read("24-browser-copy-share-bar.txt");

        assertThat(page.headline()).isEqualTo("路面電車の停留所に屋根と椅子、冬の待ち時間に備え");
        assertThat(page.lead()).startsWith("市交通局は29日、");
        assertThat(page.publishedAt()).isEqualTo(OffsetDateTime.parse("2026-11-30T07:00+09:00"));
        assertThat(page.sourceName()).isEqualTo("みなと日日新聞");
        assertThat(page.bylines()).containsExactly("高橋 結衣");
        assertThat(page.blocks()).filteredOn(Block.Heading.class::isInstance).extracting(Block::plainText)
                .containsExactly("工事の進め方", "利用者の声");
        assertThat(page.blocks()).filteredOn(b -> b instanceof Block.OrderedList || b instanceof Block.UnorderedList)
                .singleElement().isInstanceOfSatisfying(Block.OrderedList.class, list -> assertThat(list.items())
                        .containsExactly("停留所の周りに柵を立て、歩く場所を確保する", "屋根の柱を立てる土台を作る", "柱と屋根を取り付ける",
                                "椅子を置き、照明を点検する"));
        String all = page.headline() + page.lead() + page.blocks().stream().map(Block::plainText).reduce("", String::concat);
        assertThat(all).doesNotContain("LinkedIn", "Bluesky", "Twitter", "印刷", "おすすめ", "ニュースレター", "ログイン", "高橋",
                "市バスの新しい路線図");
        assertThat(page.blocks().getLast().plainText()).startsWith("毎朝、停留所で電車を待つ");
    }

    @Test
    void aShareBarUnderTheHeadlineIsNoHeadlineAndAListWithBlankLinesIsOneList() {
        ImportedPage page = read("25-browser-copy-no-outlet.txt");

        assertThat(page.headline()).isEqualTo("古い校舎を図書館に、町が改修案をまとめる");
        assertThat(page.subheadline()).isNull();
        assertThat(page.lead()).startsWith("町の教育委員会は、");
        assertThat(page.blocks()).filteredOn(Block.Heading.class::isInstance).extracting(Block::plainText)
                .containsExactly("なぜ図書館にするのか？");
        assertThat(page.blocks()).filteredOn(b -> b instanceof Block.OrderedList || b instanceof Block.UnorderedList)
                .singleElement().isInstanceOfSatisfying(Block.OrderedList.class,
                        list -> assertThat(list.items()).hasSize(3).first().isEqualTo("第1回は役場の大会議室で開く"));
        assertThat(page.bylines()).containsExactly("中村 大輔");
        assertThat(page.sourceName()).isEqualTo("媒体不明");
        String all = page.headline() + page.lead() + page.blocks().stream().map(Block::plainText).reduce("", String::concat);
        assertThat(all).doesNotContain("LinkedIn", "Bluesky", "Twitter", "印刷");
    }

    @Test
    void bytesInNoJapaneseEncodingAreRefused() {
        byte[] latin1 = "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e \u00e0 la carte, na\u00efve fa\u00e7ade.".getBytes(Charset.forName("ISO-8859-1"));
        assertProblem("french.txt", latin1, ImportException.Problem.UNREADABLE_ENCODING);
    }

    @Test
    void aDeclaredCharsetIsNotAGuess() {
        String html = """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
                <title>県内の桜、平年より早く開花</title><meta property="og:site_name" content="東都新聞デジタル"></head>
                <body><article><h1>県内の桜、平年より早く開花</h1><p>気象台は20日、県内の桜が開花したと発表した。平年より5日早く、昨年より2日遅い。</p>
                <p>見ごろは今月末になる見込みだという。</p></article></body></html>""";
        ImportedPage page = reader.read("sakura.html", html.getBytes(Charset.forName("windows-31j")));
        assertThat(page.headline()).isEqualTo("県内の桜、平年より早く開花");
        assertThat(page.warnings()).extracting(w -> w.kind()).doesNotContain(Kind.ENCODING_GUESSED);
    }

    private void assertProblem(String name, byte[] bytes, ImportException.Problem problem) {
        assertThatThrownBy(() -> reader.read(name, bytes))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }

    @Test
    void datesAreReadInEveryStyleJapanesePagesUse() {
        assertThat(PageDates.parse("2026-03-04T10:05:00+09:00")).contains(jst("2026-03-04T10:05:00"));
        assertThat(PageDates.parse("2026-03-04T10:05:00+0900")).contains(jst("2026-03-04T10:05:00"));
        assertThat(PageDates.parse("2026-03-04 10:05")).contains(jst("2026-03-04T10:05:00"));
        assertThat(PageDates.parse("2026年3月4日 10時05分")).contains(jst("2026-03-04T10:05:00"));
        assertThat(PageDates.parse("2026年3月4日(水) 10:05")).contains(jst("2026-03-04T10:05:00"));
        assertThat(PageDates.parse("2026年3月4日（水）午後3時")).contains(jst("2026-03-04T15:00:00"));
        assertThat(PageDates.parse("２０２６年３月４日　１０：０５")).contains(jst("2026-03-04T10:05:00"));
        assertThat(PageDates.parse("2026/03/04 10:05")).contains(jst("2026-03-04T10:05:00"));
        assertThat(PageDates.parse("2026.3.4")).contains(jst("2026-03-04T00:00:00"));
        List<PageDates.Found> labelled = PageDates.find("更新：2026/03/05 18:30　公開：2026/03/04 10:05");
        assertThat(labelled).extracting(PageDates.Found::update).containsExactly(true, false);
        List<PageDates.Found> after = PageDates.find("2026年3月4日 10時05分 配信（2026年3月4日 18時30分 更新）");
        assertThat(after).extracting(PageDates.Found::update).containsExactly(false, true);
    }

    @Test
    void bylinesAreFoundInTheWaysPapersPrintThem() {
        assertThat(Bylines.dateline("【ワシントン＝山田太郎】米政府は…")).hasValueSatisfying(d -> {
            assertThat(d.names()).containsExactly("山田太郎");
            assertThat(d.rest()).isEqualTo("米政府は…");
        });
        assertThat(Bylines.closing("と話した。（山田太郎）")).hasValueSatisfying(d -> assertThat(d.names()).containsExactly("山田太郎"));
        assertThat(Bylines.closing("結論は持ち越された（詳細は後日）")).isEmpty();
        assertThat(Bylines.closing("市が提供した（写真提供）")).isEmpty();
        assertThat(Bylines.line("文・写真：山田太郎")).contains(List.of("山田太郎"));
        assertThat(Bylines.line("記者 山田太郎")).contains(List.of("記者 山田太郎"));
        assertThat(Bylines.line("山田太郎 記者")).contains(List.of("山田太郎 記者"));
        assertThat(Bylines.line("市は来年度から新制度を始める。")).isEmpty();
    }

    @Test
    void theLivedoorCorpusIsReadWhenItIsThere() throws IOException {
        // Next to the checkout when it is the team's working copy, at the team's shared folder from a
        // clean clone elsewhere (CI); the corpus is never copied into the repository.
        Path archive = java.util.stream.Stream.of(System.getProperty("kawaraban.corpus.archive", ""),
                        "../shared/corpora/livedoor-dev.tar.gz", "/work/shared/corpora/livedoor-dev.tar.gz")
                .filter(candidate -> !candidate.isBlank()).map(Path::of).filter(Files::isRegularFile)
                .findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(archive != null, "the corpus is not on this machine");
        int read = 0;
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(archive))) {
            for (TarEntries.Entry entry : TarEntries.first(in, 40, name -> name.matches(".*/([a-z-]+)/\\1-\\d+\\.txt"))) {
                String name = entry.name().substring(entry.name().lastIndexOf('/') + 1);
                List<String> lines = new String(entry.bytes(), StandardCharsets.UTF_8).lines().toList();
                ImportedPage page = reader.read(name, entry.bytes());
                assertThat(page.headline()).as(name).isEqualTo(lines.get(2).strip());
                assertThat(page.sourceUrl()).as(name).hasToString(lines.get(0).strip());
                assertThat(page.publishedAt()).as(name).isNotNull();
                assertThat(page.sourceName()).as(name).isNotBlank().doesNotContain("livedoor.com");
                read++;
            }
        }
        assertThat(read).isEqualTo(40);
    }
}
