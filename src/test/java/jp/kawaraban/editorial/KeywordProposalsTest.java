package jp.kawaraban.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import jp.kawaraban.DeskForm;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestClock;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import jp.kawaraban.text.Keyword;
import jp.kawaraban.text.Keywords;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The keywords the desk proposes for a manuscript are weighed against what the site has
 * published: a news agency's name that most recent articles carry is not what this story is
 * about, however often the manuscript repeats it.
 */
@KawarabanTest
@ExtendWith(OutputCaptureExtension.class)
class KeywordProposalsTest {

    /** An agency name of our own making; the demo edition never mentions it. */
    private static final String AGENCY = "瓦版通信";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    ArticleDesk desk;

    private static final String HEADLINE = "港湾地区の再開発、市が計画案";
    private static final String LEAD = AGENCY + "の取材に対し、市は港湾地区の再開発計画案をまとめたと明らかにした。";
    private static final String BODY = AGENCY + "が入手した資料によると、倉庫街を商業施設に建て替える。"
            + AGENCY + "は市議会の審議日程も確認した。" + AGENCY + "の問い合わせに市の担当者は「5年で進めたい」と答えた。";

    @Test
    void anAgencyNameMostArticlesCarrySinksBelowWhatTheManuscriptIsAbout() {
        // Without the site's counts the agency's name is the first keyword proposed: it is
        // repeated more than anything else in the manuscript.
        List<String> unweighed = Keywords.extract(HEADLINE, LEAD + "\n\n" + BODY, 12).stream().map(Keyword::term).toList();
        assertThat(unweighed.indexOf(AGENCY)).as("unweighed: %s", unweighed).isBetween(0, 1);

        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        String[] topics = {"物価", "選挙", "台風", "株価", "給食", "鉄道", "医療", "漁業", "観光", "大学", "水道", "防災",
            "図書館", "空港", "農業", "動物園", "交番", "橋梁", "競馬", "花火"};
        for (String topic : topics) {
            String id = DeskForm.idFrom(editor.submit("/editor/articles/new", "/editor/articles",
                    DeskForm.manuscript(topic + "について市が説明", topic + "について、市は新しい方針を説明した。",
                            topic + "の方針は来月から実施される。（" + AGENCY + "）", "", "FREE")));
            String path = "/editor/articles/" + id;
            String version = editor.page(path).selectFirst("#article-form input[name=version]").val();
            assertThat(editor.submit(path, path, DeskForm.with(DeskForm.manuscript(topic + "について市が説明",
                    topic + "について、市は新しい方針を説明した。", topic + "の方針は来月から実施される。（" + AGENCY + "）", "", "FREE"),
                    "version", version, "action", "publish", "confirmed", "publish")).statusCode()).isEqualTo(302);
        }
        // Counting again waits a minute after a publication, so a burst of them is counted once.
        clock.advance(Duration.ofMinutes(2));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            List<String> proposed = proposed(editor);
            assertThat(proposed).as("proposed").contains("港湾地区", "計画案").doesNotContain("港湾", "案");
            assertThat(proposed.indexOf(AGENCY)).as("proposed: %s", proposed)
                    .satisfiesAnyOf(at -> assertThat(at).isEqualTo(-1), at -> assertThat(at).isGreaterThan(proposed.indexOf("計画案")));
        });
    }

    @Test
    void aManuscriptOfCommonWordsStillGetsProposals() {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        var response = editor.submit("/editor/articles/new", "/editor/articles/proposals",
                DeskForm.manuscript("図書館が開館時間を延長", "市の図書館は来月から開館時間を延長する。",
                        "図書館の開館時間は午後9時までになる。", "", "FREE"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(response.body()).select(".proposed-keywords button").eachAttr("data-add-keyword"))
                .contains("図書館");
    }

    /** What {@code PublishedTermCounts} logs when a count ends, weighed or not. */
    private static final Pattern COUNT_ENDED = Pattern.compile("Keyword proposals (weigh against|not weighed)");

    /**
     * An editor restores five desk tabs, each asking for proposals, when the counts are out of
     * date: every tab gets its proposals at once, and the site's articles are read and counted
     * once, not once a tab.
     */
    @Test
    void fiveTabsAskingAtOnceGetProposalsAndTheSiteIsCountedOnce(CapturedOutput log) throws Exception {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        String token = editor.page("/editor/articles/new").selectFirst("input[name=_csrf]").val();
        var fields = DeskForm.with(DeskForm.manuscript(HEADLINE, LEAD, BODY, "", "FREE"), "_csrf", token);
        // A publication and its withdrawal make the counts out of date once a minute has passed
        // (a jump of the shared clock by the six hours they are kept would move other tests' "today").
        ArticleId passing = desk.publish(new ArticleContent("港湾地区の説明会", null, "市が港湾地区の説明会を開いた。",
                new Body(List.of(new Block.Paragraph("説明会には住民が集まった。"))), List.of("テスト 記者"), "society", null,
                List.of(), AccessLevel.FREE, null, false, List.of()));
        desk.withdraw(passing);
        clock.advance(Duration.ofMinutes(2));

        int before = countsEnded(log);
        List<Callable<HttpResponse<String>>> tabs = new ArrayList<>();
        for (int tab = 0; tab < 5; tab++) {
            tabs.add(() -> editor.post("/editor/articles/proposals", fields));
        }
        ExecutorService browser = Executors.newFixedThreadPool(tabs.size());
        try {
            for (Future<HttpResponse<String>> answer : browser.invokeAll(tabs)) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
                assertThat(Jsoup.parse(answer.get().body()).select(".proposed-keywords button").eachAttr("data-add-keyword"))
                        .as("the proposals of one tab").contains("計画案");
            }
        } finally {
            browser.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> countsEnded(log) > before);
        Thread.sleep(1_000); // a second count, had one started, would end within this on the demo's articles
        assertThat(countsEnded(log) - before).as("counts made for five tabs at once").isEqualTo(1);
    }

    private static int countsEnded(CapturedOutput log) {
        return (int) COUNT_ENDED.matcher(log.getAll()).results().count();
    }

    private static List<String> proposed(WebSession editor) {
        var response = editor.submit("/editor/articles/new", "/editor/articles/proposals",
                DeskForm.manuscript(HEADLINE, LEAD, BODY, "", "FREE"));
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body()).select(".proposed-keywords button").eachAttr("data-add-keyword");
    }
}
