package jp.kawaraban.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.kawaraban.DeskForm;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestClock;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticleStatus;
import jp.kawaraban.article.DeskFilter;
import jp.kawaraban.article.PageRequest;
import jp.kawaraban.text.EntityRecognizer;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The editors' desk over HTTP, as editors and readers see it: write, schedule, publish,
 * update, correct, withdraw; two editors saving the same article; bad input.
 */
@KawarabanTest
class ArticleWorkflowTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @LocalServerPort
    int port;
    @Autowired
    EditorsDesk desk;
    @Autowired
    jp.kawaraban.newsletter.EmailUnlocks unlocks;
    @Autowired
    TestClock clock;

    private Map<String, String> manuscript(String headline) {
        return DeskForm.manuscript(headline, "川沿いの遊歩道が春から夜も開くことになった。",
                "市は遊歩道の照明を増やす。\n\n## 工事の予定\n\n- 照明の増設\n- 防犯カメラの設置\n\n費用は約2億円。",
                "遊歩道、夜間開放", "FREE");
    }

    private static String idFrom(HttpResponse<String> redirect) {
        return DeskForm.idFrom(redirect);
    }

    private static String version(Document page) {
        return page.selectFirst("#article-form input[name=version]").val();
    }

    private Map<String, String> with(Map<String, String> form, String... pairs) {
        return DeskForm.with(form, pairs);
    }

    /** Publishing now, deleting a draft and withdrawing cannot be taken back: each asks once more first. */
    @Test
    void actionsThatCannotBeTakenBackAskOnceMore() {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        var reader = new WebSession(port);
        String id = idFrom(editor.submit("/editor/articles/new", "/editor/articles", manuscript("確認つきの公開")));
        String path = "/editor/articles/" + id;

        HttpResponse<String> asked = editor.submit(path, path, with(manuscript("確認つきの公開（直した見出し）"),
                "version", version(editor.page(path)), "action", "publish"));
        assertThat(asked.statusCode()).isEqualTo(200);
        Document question = org.jsoup.Jsoup.parse(asked.body());
        assertThat(question.selectFirst(".confirm-box").text()).contains("いますぐ公開します");
        assertThat(question.selectFirst("#article-form input[name=headline]").val())
                .as("the text typed before the question is still in the form").isEqualTo("確認つきの公開（直した見出し）");
        assertThat(reader.get("/articles/" + id).statusCode()).isEqualTo(404);
        assertThat(desk.article(new ArticleId(id)).content().headline()).isEqualTo("確認つきの公開");

        HttpResponse<String> discardAsked = editor.submit(path, path, with(manuscript("確認つきの公開"),
                "version", version(editor.page(path)), "action", "discard", "confirmed", "publish"));
        assertThat(discardAsked.statusCode()).as("a confirmation of another action confirms nothing").isEqualTo(200);
        assertThat(discardAsked.body()).contains("この下書きを削除します");
        assertThat(editor.get(path).statusCode()).isEqualTo(200);

        // the answer to the question, sent by its own button
        Document form = org.jsoup.Jsoup.parse(asked.body());
        Map<String, String> confirmed = new LinkedHashMap<>();
        form.select("#article-form input[name], #article-form textarea[name], #article-form select[name]").forEach(field -> {
            if (!field.attr("type").equals("checkbox") || field.hasAttr("checked")) {
                confirmed.put(field.attr("name"), field.tagName().equals("select")
                        ? field.select("option[selected]").val() : field.tagName().equals("textarea") ? field.text() : field.val());
            }
        });
        confirmed.put("action", form.selectFirst(".confirm-box button[name=action]").val());
        confirmed.remove("_csrf");
        assertThat(editor.submit(path, path, confirmed).statusCode()).isEqualTo(302);
        assertThat(reader.page("/articles/" + id).select("h1.headline").text()).isEqualTo("確認つきの公開（直した見出し）");

        HttpResponse<String> withdrawAsked = editor.submit(path, path + "/withdraw",
                Map.of("reason", "確認のための取り下げ", "version", version(editor.page(path))));
        assertThat(withdrawAsked.statusCode()).isEqualTo(200);
        Document withdrawQuestion = org.jsoup.Jsoup.parse(withdrawAsked.body());
        assertThat(withdrawQuestion.selectFirst(".desk-withdraw .confirm-box").text()).contains("取り下げます");
        assertThat(withdrawQuestion.selectFirst(".desk-withdraw input[name=reason]").val()).isEqualTo("確認のための取り下げ");
        assertThat(reader.get("/articles/" + id).statusCode()).isEqualTo(200);
        assertThat(editor.submit(path, path + "/withdraw", Map.of("reason", "確認のための取り下げ",
                "version", version(editor.page(path)), "confirmed", "withdraw")).statusCode()).isEqualTo(302);
        assertThat(reader.get("/articles/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aDraftIsWrittenPublishedUpdatedCorrectedAndWithdrawn() {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        var reader = new WebSession(port);

        HttpResponse<String> created = editor.submit("/editor/articles/new", "/editor/articles", manuscript("夜の遊歩道、春から開放へ"));
        assertThat(created.statusCode()).isEqualTo(302);
        String id = idFrom(created);
        String path = "/editor/articles/" + id;

        // a draft: on the desk, not for readers
        assertThat(reader.get("/articles/" + id).statusCode()).isEqualTo(404);
        Document drafts = editor.page("/editor/articles?stage=DRAFT&q=遊歩道");
        assertThat(drafts.select("tr[data-article-id=\"" + id + "\"] .stage").text()).isEqualTo("下書き");
        Document draftPage = editor.page(path);
        assertThat(draftPage.select("#preview .headline").text()).isEqualTo("夜の遊歩道、春から開放へ");
        assertThat(draftPage.select("#preview .article-body h2.subheading").text()).isEqualTo("工事の予定");

        // scheduling needs a future time; a day ahead is listed as scheduled
        HttpResponse<String> past = editor.submit(path, path, with(manuscript("夜の遊歩道、春から開放へ"),
                "version", version(draftPage), "action", "schedule", "publishAt", "2020-01-01T09:00"));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("公開日時は今より後にしてください。");
        String tomorrow = LocalDateTime.now(JAPAN).plusDays(1).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm"));
        assertThat(editor.submit(path, path, with(manuscript("夜の遊歩道、春から開放へ"), "version", version(editor.page(path)),
                "action", "schedule", "publishAt", tomorrow)).statusCode()).isEqualTo(302);
        assertThat(editor.page("/editor/articles?stage=SCHEDULED").select("tr[data-article-id=\"" + id + "\"]")).hasSize(1);
        assertThat(reader.get("/articles/" + id).statusCode()).isEqualTo(404);

        // published now
        assertThat(editor.submit(path, path, with(manuscript("夜の遊歩道、春から開放へ"), "version", version(editor.page(path)),
                "action", "publish", "confirmed", "publish")).statusCode()).isEqualTo(302);
        Document published = reader.page("/articles/" + id);
        assertThat(published.select("h1.headline").text()).isEqualTo("夜の遊歩道、春から開放へ");
        assertThat(published.select(".update-note, .correction-note")).isEmpty();

        // an update: needs a note; readers then see the update time and note
        HttpResponse<String> noNote = editor.submit(path, path, with(manuscript("夜の遊歩道、4月から開放へ"),
                "version", version(editor.page(path)), "action", "update", "note", " "));
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("更新の内容を入力してください");
        assertThat(editor.submit(path, path, with(manuscript("夜の遊歩道、4月から開放へ"), "version", version(editor.page(path)),
                "action", "update", "note", "開放の時期を4月と確認しました。")).statusCode()).isEqualTo(302);
        Document updated = reader.page("/articles/" + id);
        assertThat(updated.select("h1.headline").text()).isEqualTo("夜の遊歩道、4月から開放へ");
        assertThat(updated.select("time.updated").text()).contains("更新");
        assertThat(updated.select(".update-note").text()).contains("開放の時期を4月と確認しました。");

        // the revisions: 2 compared with 1 shows the headline line removed and added
        Document diff = editor.page(path + "/revisions/2");
        assertThat(diff.select(".diff-removed").eachText()).contains("−【見出し】夜の遊歩道、春から開放へ");
        assertThat(diff.select(".diff-added").eachText()).contains("+【見出し】夜の遊歩道、4月から開放へ");

        // a correction: readers see the notice; the API carries it
        Map<String, String> fixed = with(manuscript("夜の遊歩道、4月から開放へ"), "body",
                "市は遊歩道の照明を増やす。\n\n## 工事の予定\n\n- 照明の増設\n- 防犯カメラの設置\n\n費用は約1億5000万円。");
        assertThat(editor.submit(path, path, with(fixed, "version", version(editor.page(path)), "action", "correct",
                "note", "費用を「約2億円」としていましたが、「約1億5000万円」の誤りでした。")).statusCode()).isEqualTo(302);
        Document corrected = reader.page("/articles/" + id);
        assertThat(corrected.select(".correction-note").text()).contains("訂正", "約1億5000万円」の誤りでした");
        assertThat(corrected.select(".article-body").text()).contains("約1億5000万円").doesNotContain("約2億円");
        assertThat(reader.get("/api/v1/articles/" + id).body()).contains("\"correction\"", "約1億5000万円」の誤りでした");
        assertThat(editor.page("/editor/articles?stage=CORRECTED").select("tr[data-article-id=\"" + id + "\"]")).hasSize(1);

        // withdrawn: needs a reason; then 404 for readers, kept on the desk with its history
        HttpResponse<String> noReason = editor.submit(path, path + "/withdraw",
                Map.of("reason", "", "version", version(editor.page(path))));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("取り下げの理由を入力してください。");
        assertThat(reader.get("/articles/" + id).statusCode()).isEqualTo(200);
        assertThat(editor.submit(path, path + "/withdraw", Map.of("reason", "取材先の要請により",
                "version", version(editor.page(path)), "confirmed", "withdraw")).statusCode()).isEqualTo(302);
        assertThat(reader.get("/articles/" + id).statusCode()).isEqualTo(404);
        Document kept = editor.page(path);
        assertThat(kept.selectFirst(".desk-editor").attr("data-stage")).isEqualTo("WITHDRAWN");
        assertThat(kept.select(".desk-revisions li")).hasSize(3);
        assertThat(kept.select(".desk-history li").eachText()).anySatisfy(line ->
                assertThat(line).contains("編集 太郎", "取り下げ", "取材先の要請により"));
        assertThat(kept.select(".desk-history li").eachText()).anySatisfy(line ->
                assertThat(line).contains("編集 太郎", "訂正"));
    }

    @Test
    void aScheduledArticlePublishesItselfWhenItsTimeComes() {
        var reader = new WebSession(port);
        AuditLog.Actor actor = new AuditLog.Actor("test", "試験 編集者");
        Manuscript text = new Manuscript("予約された記事の見出し", "", "予約のリード。", "予約の本文。", "試験 記者", "society", "",
                "", AccessLevel.FREE, false, "", "", "");
        ArticleId id = desk.create(text, actor);
        int version = desk.article(id).version();
        desk.schedule(id, text, clock.instant().plusMillis(800), version, actor);
        assertThat(desk.publishDue()).doesNotContain(id);
        assertThat(reader.get("/articles/" + id.value()).statusCode()).isEqualTo(404);

        clock.advance(Duration.ofSeconds(1)); // instead of waiting for the time to come
        assertThat(desk.publishDue()).contains(id);
        assertThat(desk.article(id).status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(reader.page("/articles/" + id.value()).select("h1.headline").text()).isEqualTo("予約された記事の見出し");
        assertThat(desk.publishDue()).doesNotContain(id);
        assertThat(desk.history(id)).extracting(AuditEntry::actorName).contains("予約公開", "試験 編集者");
    }

    @Test
    void theSecondOfTwoEditorsSavingTheSameArticleIsToldAndNothingIsOverwritten() {
        var taro = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        var admin = WebSession.loggedIn(port, "admin@example.com", KawarabanTest.DEMO_PASSWORD);
        String id = idFrom(taro.submit("/editor/articles/new", "/editor/articles", manuscript("二人で直す記事")));
        String path = "/editor/articles/" + id;

        String startedFrom = version(taro.page(path));
        assertThat(version(admin.page(path))).isEqualTo(startedFrom);
        assertThat(taro.submit(path, path, with(manuscript("太郎が直した見出し"), "version", startedFrom, "action", "save"))
                .statusCode()).isEqualTo(302);

        HttpResponse<String> second = admin.submit(path, path,
                with(manuscript("管理者が直した見出し"), "version", startedFrom, "action", "save"));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("編集 太郎さんが", "あなたの変更は保存されていません");
        Document conflict = org.jsoup.Jsoup.parse(second.body());
        assertThat(conflict.select(".their-headline").text()).isEqualTo("太郎が直した見出し");
        assertThat(conflict.select("#f-headline").val()).isEqualTo("管理者が直した見出し");
        assertThat(desk.article(new ArticleId(id)).content().headline()).isEqualTo("太郎が直した見出し");

        // having seen the other save, the second editor may overwrite it on purpose
        String overwrite = conflict.select("button.overwrite").val();
        assertThat(admin.submit(path, path, with(manuscript("管理者が直した見出し"), "version", startedFrom,
                "overwriteVersion", overwrite)).statusCode()).isEqualTo(302);
        assertThat(desk.article(new ArticleId(id)).content().headline()).isEqualTo("管理者が直した見出し");

        // published, then corrected by one editor: another's withdrawal from the page loaded before is refused too
        String beforeCorrection = version(taro.page(path));
        assertThat(taro.submit(path, path, with(manuscript("管理者が直した見出し"), "version", beforeCorrection,
                "action", "publish", "confirmed", "publish")).statusCode()).isEqualTo(302);
        String published = version(admin.page(path));
        assertThat(taro.submit(path, path, with(manuscript("管理者が直した見出し"), "version", version(taro.page(path)),
                "action", "correct", "note", "見出しの表記を改めました。")).statusCode()).isEqualTo(302);
        HttpResponse<String> staleWithdrawal = admin.submit(path, path + "/withdraw",
                Map.of("reason", "古い画面からの取り下げ", "version", published, "confirmed", "withdraw"));
        assertThat(staleWithdrawal.statusCode()).isEqualTo(409);
        assertThat(staleWithdrawal.body()).contains("編集 太郎さんが");
        assertThat(desk.article(new ArticleId(id)).status()).isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void badInputIsRefusedWithJapaneseMessagesAndNothingIsStored() {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        long before = desk.list(DeskFilter.ALL, new PageRequest(1, 1)).total();

        HttpResponse<String> refused = editor.submit("/editor/articles/new", "/editor/articles", with(manuscript(""),
                "section", "no-such-section", "bylines", " ", "related", "zzzzzzzzzzzz", "sourceUrl", "javascript:alert(1)",
                "body", "本文\n\n![図](missing-image)"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("見出しを入力してください。", "セクションを選んでください。", "署名を1人以上入力してください。",
                "関連記事「zzzzzzzzzzzz」は公開中の記事として見つかりません。", "元記事のURLは http:// または https:// で始まる",
                "図の画像「missing-image」が見つかりません。");
        Document page = org.jsoup.Jsoup.parse(refused.body());
        assertThat(page.select("#f-lead").text()).isEqualTo("川沿いの遊歩道が春から夜も開くことになった。");
        assertThat(desk.list(DeskFilter.ALL, new PageRequest(1, 1)).total()).isEqualTo(before);

        assertThat(editor.get("/editor/articles/zzzzzzzzzzzz").statusCode()).isEqualTo(404);
        assertThat(editor.get("/editor/articles/not-an-id").statusCode()).isEqualTo(404);
    }

    @Test
    void readersAndMembersCannotReachTheDesk() {
        var paid = WebSession.loggedIn(port, "paid@example.com", KawarabanTest.DEMO_PASSWORD);
        assertThat(paid.get("/editor/articles").statusCode()).isEqualTo(403);
        assertThat(paid.post("/editor/articles", manuscript("勝手な記事")).statusCode()).isEqualTo(403);
        var anonymous = new WebSession(port);
        assertThat(anonymous.get("/editor/articles").statusCode()).isIn(302, 401, 403);
    }

    @Test
    void proposalsNameKnownEntitiesAndAddANewOneToTheVocabulary() {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        String id = idFrom(editor.submit("/editor/articles/new", "/editor/articles", with(manuscript("停戦交渉、ウィトコフ特使が再び訪問"),
                "lead", "ウィトコフ特使は停戦交渉のため再び現地を訪れた。",
                "body", "ウィトコフ特使は停戦交渉について協議した。停戦交渉は難航している。\n\n特使はマルガリータ・ポポフスカヤ氏とも会談した。")));
        Document page = editor.page("/editor/articles/" + id);
        assertThat(page.select(".mentioned-entities a").eachText()).contains("ウィットコフ");
        assertThat(page.select(".proposed-keywords button").eachAttr("data-add-keyword")).contains("停戦交渉");

        HttpResponse<String> added = editor.submit("/editor/articles/" + id, "/editor/articles/entities",
                Map.of("name", "ポポフスカヤ", "kind", "PERSON"));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("「ポポフスカヤ」を登録しました。");
        HttpResponse<String> again = editor.submit("/editor/articles/" + id, "/editor/articles/entities",
                Map.of("name", "ポポフスカヤ", "kind", "PERSON"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("すでに登録されています");
    }

    @Test
    void theDeskProposesNamesTheEntityModelFindsButNotOrdinaryLoanwords() {
        Assumptions.assumeTrue(EntityRecognizer.bundled().trained(), "the entity model is built only where the annotated sentences are (../shared/corpora/ner-wikipedia)");
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        String id = idFrom(editor.submit("/editor/articles/new", "/editor/articles", with(manuscript("通信大手が提携"),
                "lead", "KDDIとIBMが提携を発表した。",
                "body", "両社は新作のゾンビゲームをプレイできる端末を共同で作る。リメイク版も出す。")));
        Document page = editor.page("/editor/articles/" + id);

        var candidates = page.select(".entity-candidate");
        assertThat(candidates.eachText()).anySatisfy(text -> assertThat(text).startsWith("KDDI"))
                .anySatisfy(text -> assertThat(text).startsWith("IBM"));
        assertThat(page.select(".entity-candidate .candidate-name").eachText()).doesNotContain("プレイ", "リメイク", "ゾンビゲーム");
        var kddi = candidates.stream().filter(c -> c.selectFirst(".candidate-name").text().equals("KDDI")).findFirst().orElseThrow();
        assertThat(kddi.select("option[selected]").attr("value")).isEqualTo("ORGANIZATION");
    }

    @Test
    void aPublishedArticleIsMarkedForEmailUnlockFromTheEditorButADraftCannotBe() {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        String id = idFrom(editor.submit("/editor/articles/new", "/editor/articles", with(manuscript("有料の解説記事"), "access", "PAID")));
        String path = "/editor/articles/" + id;
        assertThat(editor.page(path).select("form.desk-unlock")).isEmpty();
        assertThat(editor.submit(path, path + "/email-unlock", Map.of("eligible", "true")).statusCode()).isEqualTo(404);

        assertThat(editor.submit(path, path, with(manuscript("有料の解説記事"), "access", "PAID",
                "version", version(editor.page(path)), "action", "publish", "confirmed", "publish")).statusCode()).isEqualTo(302);
        assertThat(editor.page(path).select("form.desk-unlock").text()).contains("メール解錠の対象ではありません。");
        assertThat(editor.submit(path, path + "/email-unlock", Map.of("eligible", "true")).statusCode()).isEqualTo(302);
        Document marked = editor.page(path);
        assertThat(marked.select("form.desk-unlock").text()).contains("メールのリンクで全文を読めます");
        assertThat(marked.select(".desk-history li").eachText()).anySatisfy(line -> assertThat(line).contains("メール解錠を設定"));
    }

    @Test
    void anEmailUnlockWhoseAuditRecordCannotBeWrittenIsNotKept() {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        String id = idFrom(editor.submit("/editor/articles/new", "/editor/articles", with(manuscript("解錠と記録"), "access", "PAID")));
        String path = "/editor/articles/" + id;
        assertThat(editor.submit(path, path, with(manuscript("解錠と記録"), "access", "PAID",
                "version", version(editor.page(path)), "action", "publish", "confirmed", "publish")).statusCode()).isEqualTo(302);

        // an actor without a name cannot be written to the audit log (actor_name is not null)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.setEmailUnlock(new ArticleId(id), true,
                new AuditLog.Actor("someone", null))).isInstanceOf(RuntimeException.class);
        assertThat(unlocks.isEligible(new ArticleId(id))).isFalse();
    }

    @Test
    void linksInTheBodyReachReadersAsLinksAndUnsafeOnesStayText() {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        var reader = new WebSession(port);
        String id = idFrom(editor.submit("/editor/articles/new", "/editor/articles", with(manuscript("リンクのある記事"),
                "body", "計画は[市のサイト](https://city.example.jp/plan)で公開されている。\n\n[怪しい](javascript:alert(1))リンクは文字のまま。")));
        String path = "/editor/articles/" + id;
        assertThat(editor.page(path).select("#preview a[href=\"https://city.example.jp/plan\"]").text()).isEqualTo("市のサイト");
        assertThat(editor.submit(path, path, with(manuscript("リンクのある記事"), "body",
                "計画は[市のサイト](https://city.example.jp/plan)で公開されている。\n\n[怪しい](javascript:alert(1))リンクは文字のまま。",
                "version", version(editor.page(path)), "action", "publish", "confirmed", "publish")).statusCode()).isEqualTo(302);

        Document page = reader.page("/articles/" + id);
        assertThat(page.select(".article-body a[href=\"https://city.example.jp/plan\"]").attr("rel")).isEqualTo("noopener");
        assertThat(page.select(".article-body a[href^=javascript]")).isEmpty();
        assertThat(page.select(".article-body").text()).contains("計画は市のサイトで公開されている。", "[怪しい](javascript:alert(1))リンクは文字のまま。");
        String json = reader.get("/api/v1/articles/" + id).body();
        assertThat(json).contains("\"text\":\"計画は市のサイトで公開されている。\"", "\"url\":\"https://city.example.jp/plan\"");
    }
}
