package jp.kawaraban.editorial;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import jp.kawaraban.search.Entities;
import jp.kawaraban.search.SearchIndex;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sections, series, columns and entities managed at the desk over real HTTP, checked where
 * readers see them (navigation, listing pages, entity pages, My News), with the audit log.
 * Everything made here has a unique code or name, and articles published here are withdrawn
 * again, so the demo edition other test classes rely on stays as it was.
 */
@KawarabanTest
class VocabularyDeskTest {

    private static final String EDITOR_NAME = "編集 太郎";

    @LocalServerPort
    int port;
    @Autowired
    ArticleDesk desk;
    @Autowired
    Entities entities;
    @Autowired
    SearchIndex index;

    @Test
    void aSectionAddedRenamedAndMovedShowsInTheReadersNavigationAndTheAuditLog() {
        var editor = editor();
        String code = "test-" + unique();
        assertThat(editor.submit("/editor/sections", "/editor/sections", Map.of("code", code, "name", "検証区分")).statusCode())
                .isEqualTo(302);
        var reader = new WebSession(port);
        assertThat(navigation(reader)).containsEntry(code, "検証区分");
        assertThat(lastNavigationCode(reader)).as("a new section comes last").isEqualTo(code);

        var renamed = editor.submit("/editor/sections", "/editor/sections/" + code, Map.of("name", "改名区分"));
        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(navigation(reader)).containsEntry(code, "改名区分");
        assertThat(reader.page("/sections/" + code).selectFirst("h1").text()).isEqualTo("改名区分");

        List<String> before = List.copyOf(navigation(reader).keySet());
        assertThat(editor.submit("/editor/sections", "/editor/sections/" + code + "/move", Map.of("direction", "up"))
                .statusCode()).isEqualTo(302);
        List<String> after = List.copyOf(navigation(reader).keySet());
        assertThat(after.indexOf(code)).isEqualTo(before.indexOf(code) - 1);
        assertThat(editor.page("/editor/sections").select("tr.section-row").eachAttr("data-code")).isEqualTo(after);
        assertThat(editor.submit("/editor/sections", "/editor/sections/" + code + "/move", Map.of("direction", "down"))
                .statusCode()).isEqualTo(302);
        assertThat(List.copyOf(navigation(reader).keySet())).isEqualTo(before);

        Document audit = editor.page("/editor/audit?subject=section:" + code);
        assertThat(audit.select("tr.audit-entry").eachAttr("data-action"))
                .containsExactly("section.move", "section.move", "section.rename", "section.create");
        Element rename = audit.select("tr.audit-entry").get(2);
        assertThat(rename.selectFirst(".audit-actor").text()).isEqualTo(EDITOR_NAME);
        assertThat(rename.selectFirst(".audit-action").text()).isEqualTo("セクション名の変更");
        assertThat(rename.selectFirst(".audit-detail").text()).isEqualTo("検証区分 → 改名区分");
        assertThat(rename.selectFirst(".audit-at time").attr("datetime")).endsWith("+09:00");
    }

    @Test
    void badSectionInputIsShownAgainWithTheReasonAndNothingIsStored() {
        var editor = editor();
        int sections = navigation(new WebSession(port)).size();

        Document badCode = page(editor.submit("/editor/sections", "/editor/sections", Map.of("code", "Kokusai News", "name", "国際")), 400);
        assertThat(alert(badCode)).isEqualTo("コードは半角の英小文字・数字・ハイフン（-）だけで、40文字以内にしてください（例: kokusai）。");
        assertThat(badCode.selectFirst("#section-code").val()).isEqualTo("Kokusai News");
        assertThat(badCode.selectFirst("#section-name").val()).isEqualTo("国際");

        Document noName = page(editor.submit("/editor/sections", "/editor/sections", Map.of("code", "test-" + unique(), "name", "  ")), 400);
        assertThat(alert(noName)).isEqualTo("セクション名を20文字以内で入力してください（改行は使えません）。");

        Document taken = page(editor.submit("/editor/sections", "/editor/sections", Map.of("code", "world", "name", "世界")), 400);
        assertThat(alert(taken)).startsWith("コード「world」はすでにセクション「");

        Document longName = page(editor.submit("/editor/sections", "/editor/sections/world", Map.of("name", "長".repeat(21))), 400);
        assertThat(alert(longName)).isEqualTo("セクション名を20文字以内で入力してください（改行は使えません）。");
        assertThat(longName.selectFirst("tr.section-row[data-code=world] input[name=name]").val()).isEqualTo("長".repeat(21));

        assertThat(editor.submit("/editor/sections", "/editor/sections/no-such-section", Map.of("name", "どこ")).statusCode())
                .isEqualTo(404);
        assertThat(editor.submit("/editor/sections", "/editor/sections/world/move", Map.of("direction", "sideways")).statusCode())
                .isEqualTo(400);
        assertThat(navigation(new WebSession(port))).hasSize(sections);
        assertThat(editor.page("/editor/audit").select("tr.audit-entry[data-subject=section:world]")).isEmpty();
    }

    @Test
    void aSeriesOrColumnAddedAndEditedShowsOnItsPage() {
        var editor = editor();
        String code = "test-column-" + unique();
        var created = editor.submit("/editor/series", "/editor/series",
                Map.of("code", code, "name", "検証の窓", "kind", "COLUMN", "description", "検証のためのコラム。"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/editor/series/" + code + "?done=created");

        var reader = new WebSession(port);
        Document page = reader.page("/series/" + code);
        assertThat(page.selectFirst(".listing-kind").text()).isEqualTo("コラム");
        assertThat(page.selectFirst(".listing-heading").text()).isEqualTo("検証の窓");
        assertThat(page.selectFirst(".listing-description").text()).isEqualTo("検証のためのコラム。");

        var edited = editor.submit("/editor/series/" + code, "/editor/series/" + code,
                Map.of("name", "検証の連載", "kind", "SERIES", "description", "書き直した説明。"));
        assertThat(edited.statusCode()).isEqualTo(302);
        page = reader.page("/series/" + code);
        assertThat(page.selectFirst(".listing-kind").text()).isEqualTo("連載");
        assertThat(page.selectFirst(".listing-heading").text()).isEqualTo("検証の連載");
        assertThat(page.selectFirst(".listing-description").text()).isEqualTo("書き直した説明。");
        assertThat(editor.page("/editor/series").select("tr.series-row[data-code=" + code + "]").text()).contains("連載", "検証の連載");

        Document audit = editor.page("/editor/audit?subject=series:" + code);
        assertThat(audit.select("tr.audit-entry .audit-action").eachText()).containsExactly("連載・コラムの変更", "連載・コラムの追加");
        assertThat(audit.selectFirst("tr.audit-entry .audit-detail").text())
                .isEqualTo("名前: 検証の窓 → 検証の連載／種類: コラム → 連載／説明を変更");
        assertThat(audit.select("tr.audit-entry .audit-actor").eachText()).containsOnly(EDITOR_NAME);

        // Bad input: shown again with the reason and the editor's words; nothing stored.
        Document bad = page(editor.submit("/editor/series/" + code, "/editor/series/" + code,
                Map.of("name", "", "kind", "SERIES", "description", "消えてはいけない説明")), 400);
        assertThat(alert(bad)).isEqualTo("連載・コラム名を60文字以内で入力してください（改行は使えません）。");
        assertThat(bad.selectFirst("#series-description").wholeText()).isEqualTo("消えてはいけない説明");
        assertThat(page(editor.submit("/editor/series", "/editor/series",
                Map.of("code", code, "name", "二重", "kind", "SERIES", "description", "")), 400).text())
                .contains("コード「" + code + "」はすでに「検証の連載」で使われています。");
        assertThat(alert(page(editor.submit("/editor/series", "/editor/series",
                Map.of("code", "test-" + unique(), "name", "種類なし", "kind", "PODCAST", "description", "")), 400)))
                .isEqualTo("「連載」か「コラム」のどちらかを選んでください。");
        assertThat(reader.page("/series/" + code).selectFirst(".listing-description").text()).isEqualTo("書き直した説明。");
        assertThat(editor.get("/editor/series/no-such-series").statusCode()).isEqualTo(404);
    }

    @Test
    void anAliasAddedFindsPublishedAndNewArticlesOnTheEntityPage() {
        var editor = editor();
        String suffix = unique();
        String id = "test-place-" + suffix;
        // Published before the vocabulary knows the old name.
        ArticleId older = desk.publish(article("旧市街の再建進む " + suffix, "会見で、ズビャヘリの市長は再建の見通しを語った。"));
        ArticleId newer = null;
        try {
            // and indexed (in the background, after the commit) before the alias is added: the
            // alias is then looked for in what the index holds, which is the case tested here
            await().until(() -> index.find(older).isPresent());
            var created = editor.submit("/editor/entities", "/editor/entities", Map.of("id", id, "canonicalName", "ノヴォグラード",
                    "kind", "PLACE", "aliases", "", "description", "検証用の架空の都市。"));
            assertThat(created.statusCode()).isEqualTo(302);
            var reader = new WebSession(port);
            assertThat(reader.page("/entities/" + id).selectFirst("h1").text()).isEqualTo("ノヴォグラード");
            assertThat(articleLinks(reader, id)).doesNotContain(older.value());

            var added = editor.submit("/editor/entities/" + id, "/editor/entities/" + id + "/aliases", Map.of("alias", "ズビャヘリ"));
            assertThat(added.statusCode()).isEqualTo(302);
            assertThat(editor.page("/editor/entities/" + id).select("li.alias").eachAttr("data-alias")).containsExactly("ズビャヘリ");
            assertThat(reader.page("/entities/" + id).selectFirst(".aliases").text()).contains("ズビャヘリ");
            // The article published before the alias is found again in the background.
            await().until(() -> articleLinks(reader, id).contains(older.value()));

            newer = desk.publish(article("ズビャヘリで祭り " + suffix, "ズビャヘリの旧市街で祭りが開かれた。"));
            ArticleId published = newer;
            await().until(() -> articleLinks(reader, id).contains(published.value()));

            Document audit = editor.page("/editor/audit?subject=entity:" + id);
            assertThat(audit.select("tr.audit-entry").eachAttr("data-action")).containsExactly("entity.alias.add", "entity.create");
            assertThat(audit.selectFirst("tr.audit-entry .audit-detail").text()).isEqualTo("ズビャヘリ");
            assertThat(audit.select("tr.audit-entry .audit-actor").eachText()).containsOnly(EDITOR_NAME);
        } finally {
            desk.withdraw(older);
            if (newer != null) {
                desk.withdraw(newer);
            }
        }
    }

    @Test
    void aNameAnotherEntityHasIsRefusedAndSaysWhichEntityHasIt() {
        var editor = editor();
        String id = "test-person-" + unique();
        assertThat(editor.submit("/editor/entities", "/editor/entities", Map.of("id", id, "canonicalName", "グルシェンコワ",
                "kind", "PERSON", "aliases", "", "description", "")).statusCode()).isEqualTo(302);
        String path = "/editor/entities/" + id;

        Document alias = page(editor.submit(path, path + "/aliases", Map.of("alias", "キエフ")), 400);
        assertThat(alert(alias)).isEqualTo("「キエフ」はすでに「キーウ」（ID: kyiv）の名前として登録されています。"
                + "同じ人物・組織・地名なら、別名に加えるのではなく統合してください。");
        assertThat(alias.selectFirst("#alias-new").val()).isEqualTo("キエフ");
        // Another spelling of a name is the same name to the vocabulary.
        Document variant = page(editor.submit(path, path, Map.of("canonicalName", "グルシェンコワ", "kind", "PERSON",
                "aliases", "グルシェンコ\nウィトコフ", "description", "説明")), 400);
        assertThat(alert(variant)).startsWith("「ウィトコフ」はすでに「ウィットコフ」（ID: steve-witkoff）の名前として登録されています。");
        assertThat(variant.selectFirst("#entity-aliases").wholeText()).isEqualTo("グルシェンコ\nウィトコフ");
        Document created = page(editor.submit("/editor/entities", "/editor/entities", Map.of("id", "test-" + unique(),
                "canonicalName", "ルビオ", "kind", "PERSON", "aliases", "", "description", "")), 400);
        assertThat(alert(created)).startsWith("「ルビオ」はすでに「ルビオ」（ID: marco-rubio）");
        assertThat(created.selectFirst("#entity-name").val()).isEqualTo("ルビオ");

        assertThat(alert(page(editor.submit("/editor/entities", "/editor/entities", Map.of("id", "Bad Id",
                "canonicalName", "誰か", "kind", "PERSON", "aliases", "", "description", "")), 400)))
                .startsWith("IDは半角の英小文字・数字・ハイフン（-）だけで");
        assertThat(alert(page(editor.submit("/editor/entities", "/editor/entities", Map.of("id", id,
                "canonicalName", "別人", "kind", "PERSON", "aliases", "", "description", "")), 400)))
                .isEqualTo("ID「" + id + "」はすでに「グルシェンコワ」で使われています。別のIDにしてください。");
        assertThat(alert(page(editor.submit("/editor/entities", "/editor/entities", Map.of("id", "test-" + unique(),
                "canonicalName", "誰か", "kind", "ALIEN", "aliases", "", "description", "")), 400)))
                .isEqualTo("種類（人物・組織・地名）を選んでください。");

        assertThat(entities.find(id).orElseThrow().aliases()).isEmpty();
        assertThat(entities.find(id).orElseThrow().description()).isEmpty();
        assertThat(entities.find("kyiv").orElseThrow().aliases()).containsExactly("キエフ");
        assertThat(editor.page("/editor/audit?subject=entity:" + id).select("tr.audit-entry").eachAttr("data-action"))
                .containsExactly("entity.create");
        assertThat(editor.get("/editor/entities/no-such-entity").statusCode()).isEqualTo(404);
        assertThat(editor.submit("/editor/entities", "/editor/entities/no-such-entity/aliases", Map.of("alias", "誰")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void mergingMovesArticlesFollowsAndThePageToTheEntityThatRemains() {
        var editor = editor();
        String suffix = unique();
        String from = "test-surname-" + suffix;
        String into = "test-fullname-" + suffix;
        createEntity(editor, from, "ソコロフスカヤ", "");
        createEntity(editor, into, "ナタリア・ソコロフスカヤ", "");
        ArticleId article = desk.publish(article("議長が演説 " + suffix, "議会のソコロフスカヤ議長は2025年3月1日、演説した。"));
        // Both entities have a timeline event from the same sentence of this one.
        ArticleId both = desk.publish(article("議長が辞意 " + suffix,
                "ソコロフスカヤ議長（ナタリア・ソコロフスカヤ）は2025年3月5日、辞意を表明した。"));
        var paid = WebSession.loggedIn(port, "paid@example.com", DEMO_PASSWORD);
        var trial = WebSession.loggedIn(port, "trial@example.com", DEMO_PASSWORD);
        try {
            var reader = new WebSession(port);
            await().until(() -> articleLinks(reader, from).contains(article.value()));
            assertThat(articleLinks(reader, into)).doesNotContain(article.value());
            follow(paid, from);
            follow(trial, from);
            follow(trial, into);

            // Refused: into itself, and without the confirmation.
            String path = "/editor/entities/" + from;
            Document self = page(editor.submit(path, path + "/merge", Map.of("into", from, "confirm", "yes")), 400);
            assertThat(alert(self)).isEqualTo("「ソコロフスカヤ」をそれ自身に統合することはできません。統合先には別の項目を選んでください。");
            Document unconfirmed = page(editor.submit(path, path + "/merge", Map.of("into", into)), 400);
            assertThat(alert(unconfirmed)).startsWith("統合は元に戻せません。");
            assertThat(unconfirmed.selectFirst("#merge-into option[selected]").val()).isEqualTo(into);
            assertThat(alert(page(editor.submit(path, path + "/merge", Map.of("into", "no-such-entity", "confirm", "yes")), 400)))
                    .isEqualTo("統合先「no-such-entity」は見つかりませんでした。一覧から選び直してください。");
            assertThat(entities.find(from)).isPresent();

            await().until(() -> timeline(reader, into).size() == 1 && timeline(reader, from).size() == 2);

            var merged = editor.submit(path, path + "/merge", Map.of("into", into, "confirm", "yes"));
            assertThat(merged.statusCode()).isEqualTo(302);
            // The timeline moved over at once, the sentence naming both entities only once.
            assertThat(timeline(reader, into)).hasSize(2).doesNotHaveDuplicates();
            assertThat(merged.headers().firstValue("Location").orElseThrow()).endsWith("/editor/entities/" + into + "?done=merged");

            // The remaining entity has both names, and its page lists the article that named the other.
            Document intoPage = reader.page("/entities/" + into);
            assertThat(intoPage.selectFirst(".aliases").text()).contains("ソコロフスカヤ");
            await().until(() -> articleLinks(reader, into).contains(article.value()));
            // The merged entity's address leads there for good.
            HttpResponse<String> old = reader.get("/entities/" + from);
            assertThat(old.statusCode()).isEqualTo(301);
            assertThat(old.headers().firstValue("Location").orElseThrow()).endsWith("/entities/" + into);
            assertThat(editor.get("/editor/entities/" + from).headers().firstValue("Location").orElseThrow())
                    .endsWith("/editor/entities/" + into);

            // Its followers follow the remaining one, once, and find the article in My News.
            await().until(() -> follows(paid).contains("entity:" + into));
            assertThat(follows(paid)).doesNotContain("entity:" + from);
            await().until(() -> follows(trial).contains("entity:" + into) && !follows(trial).contains("entity:" + from));
            assertThat(follows(trial)).doesNotHaveDuplicates();
            assertThat(paid.page("/my/follows").selectFirst("li.follow[data-follow=entity:" + into + "]").text())
                    .contains("ナタリア・ソコロフスカヤ");
            Element item = await().until(() -> paid.page("/my/news").selectFirst("li.news-item[data-article-id='" + article.value() + "']"),
                    Objects::nonNull);
            assertThat(item.select(".news-reason").eachText()).contains("フォロー中: ナタリア・ソコロフスカヤ");

            // Recorded on both entities, with the editor's name.
            for (String subject : List.of(from, into)) {
                Element entry = editor.page("/editor/audit?subject=entity:" + subject).selectFirst("tr.audit-entry");
                assertThat(entry.selectFirst(".audit-actor").text()).isEqualTo(EDITOR_NAME);
                assertThat(entry.selectFirst(".audit-detail").text())
                        .isEqualTo("ソコロフスカヤ（" + from + "）をナタリア・ソコロフスカヤ（" + into + "）に統合");
            }
            // Newest first: the record on the remaining entity was written last.
            assertThat(editor.page("/editor/audit").select("tr.audit-entry").eachAttr("data-action"))
                    .startsWith("entity.merge.receive", "entity.merge");
        } finally {
            desk.withdraw(article);
            desk.withdraw(both);
            for (var member : List.of(paid, trial)) {
                member.submit("/my/follows", "/follows/remove", Map.of("kind", "entity", "value", into));
                member.submit("/my/follows", "/follows/remove", Map.of("kind", "entity", "value", from));
            }
        }
    }

    @Test
    void readersCannotReachTheDeskNorChangeAnything() {
        var anonymous = new WebSession(port);
        for (String path : List.of("/editor/sections", "/editor/series", "/editor/entities", "/editor/entities/kyiv", "/editor/audit")) {
            assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(302);
        }
        var paid = WebSession.loggedIn(port, "paid@example.com", DEMO_PASSWORD);
        for (String path : List.of("/editor/sections", "/editor/series", "/editor/entities", "/editor/entities/kyiv", "/editor/audit")) {
            assertThat(paid.get(path).statusCode()).as(path).isEqualTo(403);
        }
        // Even with a valid CSRF token of their own session.
        Map<String, String> attempts = new LinkedHashMap<>();
        attempts.put("/editor/sections", "code=hacked");
        attempts.put("/editor/sections/world", "name");
        attempts.put("/editor/entities/kyiv/aliases", "alias");
        attempts.put("/editor/entities/kyiv/merge", "into");
        for (String action : attempts.keySet()) {
            var answer = paid.submit("/my/account", action, Map.of("code", "hacked", "name", "乗っ取り", "alias", "乗っ取り",
                    "into", "ukraine", "confirm", "yes"));
            assertThat(answer.statusCode()).as(action).isEqualTo(403);
        }
        assertThat(navigation(anonymous)).doesNotContainKey("hacked").doesNotContainValue("乗っ取り");
        assertThat(entities.find("kyiv").orElseThrow().aliases()).containsExactly("キエフ");
        assertThat(entities.find("kyiv")).isPresent();
    }

    // ---- helpers -------------------------------------------------------------------------

    private WebSession editor() {
        return WebSession.loggedIn(port, "editor@example.com", DEMO_PASSWORD);
    }

    private void createEntity(WebSession editor, String id, String name, String aliases) {
        var answer = editor.submit("/editor/entities", "/editor/entities",
                Map.of("id", id, "canonicalName", name, "kind", "PERSON", "aliases", aliases, "description", ""));
        assertThat(answer.statusCode()).as("create " + id).isEqualTo(302);
    }

    private void follow(WebSession member, String entityId) {
        var answer = member.submit("/entities/" + entityId, "/follows",
                Map.of("kind", "entity", "value", entityId, "back", "/entities/" + entityId));
        assertThat(answer.statusCode()).as("follow " + entityId).isEqualTo(302);
    }

    private static List<String> follows(WebSession member) {
        return member.page("/my/follows").select("li.follow").eachAttr("data-follow");
    }

    /** The reader's section navigation: code to name, in order. */
    private static Map<String, String> navigation(WebSession reader) {
        Map<String, String> sections = new LinkedHashMap<>();
        for (Element link : reader.page("/").select("nav.sections a[href^=/sections/]")) {
            sections.put(link.attr("href").substring("/sections/".length()), link.text());
        }
        return sections;
    }

    private static String lastNavigationCode(WebSession reader) {
        return List.copyOf(navigation(reader).keySet()).getLast();
    }

    private static List<String> articleLinks(WebSession reader, String entityId) {
        return reader.page("/entities/" + entityId).select(".results a.result-headline").eachAttr("href").stream()
                .map(href -> href.substring("/articles/".length())).toList();
    }

    private static List<String> timeline(WebSession reader, String entityId) {
        return reader.page("/entities/" + entityId).select("li.timeline-event").eachText();
    }

    private static String alert(Document page) {
        Element alert = page.selectFirst("p.notice-error[role=alert]");
        assertThat(alert).as("an error message on the page").isNotNull();
        return alert.text();
    }

    private static Document page(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        return Jsoup.parse(answer.body());
    }

    private static ArticleContent article(String headline, String paragraph) {
        return new ArticleContent(headline, null, paragraph, new Body(List.of(new Block.Paragraph(paragraph))),
                List.of("テスト 記者"), "world", null, List.of(), AccessLevel.FREE, null, false, List.of());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
