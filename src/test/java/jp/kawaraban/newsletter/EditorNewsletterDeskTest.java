package jp.kawaraban.newsletter;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestMail;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.ArticleId;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The editors' newsletter desk over HTTP: compose, preview, test, send, counts; closed to readers. */
@KawarabanTest
class EditorNewsletterDeskTest {

    private static final String ARTICLE = ArticleId.derivedFrom("demo:business-rice-prices-stay-high").value();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEditorComposesPreviewsTestsAndSendsAnIssue() {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        HttpResponse<String> created = editor.submit("/editor/newsletters", "/editor/newsletters/issues",
                Map.of("newsletter", "five-today", "subject", "けさの5本"));
        assertThat(created.statusCode()).isEqualTo(302);
        String issuePath = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("subject", "けさの5本");
        form.put("article", ARTICLE);
        form.put("note", "米の値段はどこまで");
        HttpResponse<String> saved = editor.submit(issuePath, issuePath, form);
        assertThat(saved.statusCode()).isEqualTo(302);
        Document page = editor.page(issuePath);
        assertThat(page.select("input[name=article]").first().val()).isEqualTo(ARTICLE);
        assertThat(page.select("input[name=article]")).hasSize(5);

        HttpResponse<String> html = editor.get(issuePath + "/preview.html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.body()).contains("米の値段はどこまで", "/articles/" + ARTICLE);
        HttpResponse<String> text = editor.get(issuePath + "/preview.txt");
        assertThat(text.body()).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click", "米の値段はどこまで");

        assertThat(editor.submit(issuePath, issuePath + "/test", Map.of()).statusCode()).isEqualTo(302);
        assertThat(TestMail.to("editor@example.com").getLast()).satisfies(m -> assertThat(m.getSubject()).startsWith("[TEST] けさの5本"));

        HttpResponse<String> bad = editor.submit(issuePath, issuePath, Map.of("subject", "けさの5本", "article", "nope", "note", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("記事IDが正しくないか");

        // picking the same article twice, or a sixth, is refused in Japanese and changes nothing
        HttpResponse<String> twice = editor.submit(issuePath, issuePath + "/picks",
                Map.of("subject", "けさの5本", "article", ARTICLE, "note", "米の値段はどこまで", "add", ARTICLE));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("その記事はすでに選んでいます。");
        HttpResponse<String> unknown = editor.submit(issuePath, issuePath + "/picks",
                Map.of("subject", "けさの5本", "article", ARTICLE, "note", "米の値段はどこまで", "add", "zzzzzzzzzzzz"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(editor.page(issuePath).select("input[name=article]").eachAttr("value")).containsExactly(ARTICLE, "", "", "", "");

        // Sending cannot be taken back: the first press only asks again, naming how many readers it reaches.
        for (int i = 0; i < 3; i++) {
            jdbc.sql("""
                    INSERT INTO newsletter_subscription (email, newsletter_code, state, created_at, confirmed_at, changed_at)
                    VALUES (?, 'five-today', 'CONFIRMED', now(), now(), now())""")
                    .param("composer-" + UUID.randomUUID() + "@example.org").update();
        }
        long confirmedSubscribers = jdbc.sql("SELECT count(*) FROM newsletter_subscription WHERE newsletter_code = 'five-today' AND state = 'CONFIRMED'")
                .query(Long.class).single();
        String recipients = editor.page(issuePath).selectFirst(".recipients").attr("data-recipients");
        assertThat(Long.parseLong(recipients)).isEqualTo(confirmedSubscribers).isGreaterThanOrEqualTo(3);
        HttpResponse<String> asked = editor.submit(issuePath, issuePath + "/send", Map.of());
        assertThat(asked.statusCode()).isEqualTo(200);
        Document confirmation = org.jsoup.Jsoup.parse(asked.body());
        assertThat(confirmation.selectFirst(".confirm-box").text()).contains(recipients + "人", "取り消せません");
        assertThat(confirmation.selectFirst(".editor-issue").attr("data-state")).isEqualTo("DRAFT");
        assertThat(editor.page(issuePath).selectFirst(".editor-issue").attr("data-state")).isEqualTo("DRAFT");

        assertThat(editor.submit(issuePath, issuePath + "/send", Map.of("confirmed", "send")).statusCode()).isEqualTo(302);
        Document after = editor.page(issuePath);
        var counts = after.selectFirst(".counts");
        assertThat(Long.parseLong(counts.attr("data-queued")) + Long.parseLong(counts.attr("data-sent"))
                + Long.parseLong(counts.attr("data-failed")) + Long.parseLong(counts.attr("data-bounced")))
                .as("the issue went to the number of readers the confirmation named")
                .isEqualTo(Long.parseLong(recipients));
        assertThat(after.selectFirst(".editor-issue").attr("data-state")).isIn("SENDING", "SENT");
        assertThat(after.select("form.issue-form")).as("no more edits once sending").isEmpty();
        assertThat(editor.page("/editor/newsletters").select("tr.issue .counts").text()).contains("送信済み");
    }

    @Test
    void anEmailUnlockMarkedAtTheNewsletterDeskIsInTheAuditLog() {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        HttpResponse<String> marked = editor.submit("/editor/newsletters", "/editor/newsletters/unlock",
                Map.of("article", ARTICLE, "eligible", "true"));
        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(marked.body()).contains("対象に加えました。");
        HttpResponse<String> unmarked = editor.submit("/editor/newsletters", "/editor/newsletters/unlock",
                Map.of("article", ARTICLE, "eligible", "false"));
        assertThat(unmarked.statusCode()).isEqualTo(200);
        assertThat(unmarked.body()).contains("対象から外しました。");
        HttpResponse<String> unknown = editor.submit("/editor/newsletters", "/editor/newsletters/unlock",
                Map.of("article", "nope", "eligible", "true"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("記事IDが正しくないか");

        Document audit = editor.page("/editor/audit?subject=article:" + ARTICLE);
        assertThat(audit.select("tr.audit-entry").eachAttr("data-action")).as("newest first")
                .startsWith("article.unlockOff", "article.unlockOn");
        assertThat(audit.selectFirst("tr.audit-entry .audit-actor").text()).isEqualTo("編集 太郎");
    }

    @Test
    void readersCannotReachTheDesk() {
        assertThat(new WebSession(port).get("/editor/newsletters").statusCode()).isEqualTo(302);
        var paid = WebSession.loggedIn(port, "paid@example.com", KawarabanTest.DEMO_PASSWORD);
        assertThat(paid.get("/editor/newsletters").statusCode()).isEqualTo(403);
        assertThat(paid.get("/editor/newsletters/issues/1/preview.html").statusCode()).isEqualTo(403);
    }
}
