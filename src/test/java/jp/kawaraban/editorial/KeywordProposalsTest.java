package jp.kawaraban.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jp.kawaraban.DeskForm;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestClock;
import jp.kawaraban.WebSession;
import jp.kawaraban.text.Keyword;
import jp.kawaraban.text.Keywords;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The keywords the desk proposes for a manuscript are weighed against what the site has
 * published: a news agency's name that most recent articles carry is not what this story is
 * about, however often the manuscript repeats it.
 */
@KawarabanTest
class KeywordProposalsTest {

    /** An agency name of our own making; the demo edition never mentions it. */
    private static final String AGENCY = "瓦版通信";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

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

    private static List<String> proposed(WebSession editor) {
        var response = editor.submit("/editor/articles/new", "/editor/articles/proposals",
                DeskForm.manuscript(HEADLINE, LEAD, BODY, "", "FREE"));
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body()).select(".proposed-keywords button").eachAttr("data-add-keyword");
    }
}
