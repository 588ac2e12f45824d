package jp.kawaraban.site;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jp.kawaraban.DeskForm;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.editorial.AuditLog;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The import desk over HTTP, as an editor uses it: upload or paste, review, save as a draft. */
@KawarabanTest
class EditorImportDeskTest {

    @LocalServerPort
    int port;
    @Autowired
    ArticleDesk desk;
    @Autowired
    AuditLog audit;

    private WebSession editor() {
        return WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
    }

    /** Posts a multipart form as a browser does: text fields (the CSRF token among them) and at most one file. */
    private static HttpResponse<String> multipart(WebSession session, String action, Map<String, String> fields,
                                                  String fileName, byte[] file) {
        String boundary = "----kawaraban" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return session.send(HttpRequest.newBuilder(URI.create(session.base() + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static String csrf(Document page) {
        return page.selectFirst("input[name=_csrf]").val();
    }

    @Test
    void anEditorUploadsAPageReviewsTheDraftAndSavesIt() throws Exception {
        WebSession editor = editor();
        Document form = editor.page("/editor/import");
        assertThat(form.selectFirst("h1").text()).isEqualTo("提携媒体の記事を取り込む");
        assertThat(form.select("form[action=/editor/import/preview][enctype=multipart/form-data] input[type=file]")).hasSize(1);

        byte[] file = Files.readAllBytes(Path.of("src/test/resources/import/pages/09-shift-jis-no-charset.html"));
        HttpResponse<String> preview = multipart(editor, "/editor/import/preview", Map.of("_csrf", csrf(form), "text", ""),
                "09-shift-jis-no-charset.html", file);

        assertThat(preview.statusCode()).isEqualTo(200);
        Document review = Jsoup.parse(preview.body());
        assertThat(review.selectFirst(".import-headline").text()).isEqualTo("みさき市、ごみ袋を値上げへ　10月から1枚50円に");
        assertThat(review.selectFirst(".import-published").text()).isEqualTo("2026年3月4日 16:00");
        assertThat(review.selectFirst(".import-byline").text()).isEqualTo("西村 彩");
        assertThat(review.selectFirst(".import-section").text()).isEqualTo("社会");
        assertThat(review.selectFirst(".import-source").text()).isEqualTo("みさき市民新聞社");
        assertThat(review.selectFirst(".import-lead").text()).contains("家庭ごみの指定袋");
        assertThat(review.select(".import-body p")).hasSize(2);
        assertThat(review.select(".import-warnings li").eachText())
                .contains("文字コードの指定がなかったため、Shift_JISとして読み込みました。文字化けがないか確かめてください。");
        assertThat(review.selectFirst(".import-body").text()).doesNotContain("ログイン");
        var save = review.selectFirst("form.import-save");
        assertThat(save.selectFirst("button").text()).isEqualTo("下書きとして保存");

        Map<String, String> fields = new LinkedHashMap<>();
        save.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
        HttpResponse<String> saved = multipart(editor, "/editor/import", fields, null, null);

        assertThat(saved.statusCode()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/editor/articles/[a-z0-9]{12}$");
        ArticleId id = new ArticleId(location.substring(location.lastIndexOf('/') + 1));
        assertThat(desk.forEditing(id).orElseThrow().content().headline()).isEqualTo("みさき市、ごみ袋を値上げへ　10月から1枚50円に");
        assertThat(audit.recent("article:" + id, 5, 0)).singleElement()
                .satisfies(entry -> assertThat(entry.action()).isEqualTo("article.import"));
        assertThat(new WebSession(port).get("/articles/" + id).statusCode()).isEqualTo(404);

        // The same page again: the review says it was imported and offers no second save.
        HttpResponse<String> again = multipart(editor, "/editor/import/preview",
                Map.of("_csrf", csrf(editor.page("/editor/import")), "text", ""), "same.html", file);
        Document twice = Jsoup.parse(again.body());
        assertThat(twice.selectFirst(".import-duplicate").text()).contains("このページはすでに取り込まれています");
        assertThat(twice.selectFirst(".import-duplicate a").attr("href")).isEqualTo("/editor/articles/" + id);
        assertThat(twice.select("form.import-save")).isEmpty();
        assertThat(multipart(editor, "/editor/import", fields, null, null).statusCode()).isEqualTo(409);
    }

    @Test
    void pastedTextIsReviewedLikeAFile() throws Exception {
        WebSession editor = editor();
        String text = Files.readString(Path.of("src/test/resources/import/pages/11-saved-page-politics.txt"));
        HttpResponse<String> preview = multipart(editor, "/editor/import/preview",
                Map.of("_csrf", csrf(editor.page("/editor/import")), "text", text), null, null);

        assertThat(preview.statusCode()).isEqualTo(200);
        Document review = Jsoup.parse(preview.body());
        assertThat(review.selectFirst(".import-headline").text()).isEqualTo("知事選、現職と新人2人の争いに");
        assertThat(review.selectFirst(".import-subheadline").text()).isEqualTo("告示日の第一声、人口減対策を競う");
        assertThat(review.selectFirst(".import-updated").text()).isEqualTo("2026年3月5日 17:45");
        assertThat(review.selectFirst(".import-section").text()).isEqualTo("政治");
        assertThat(review.select(".import-body h2.subheading").eachText()).containsExactly("争点は人口減対策");
        assertThat(review.select(".import-body ul li")).hasSize(3);
        assertThat(review.selectFirst(".import-draft").text()).doesNotContain("シェア", "関連記事", "ランキング", "ログイン");
    }

    @Test
    void aPageNamingNoOutletBecomesAnUnknownOutletsDraftThatIsNotPublishedUntilTheOutletIsEntered() throws Exception {
        WebSession editor = editor();
        String text = Files.readString(Path.of("src/test/resources/import/pages/25-browser-copy-no-outlet.txt"));
        HttpResponse<String> preview = multipart(editor, "/editor/import/preview",
                Map.of("_csrf", csrf(editor.page("/editor/import")), "text", text), null, null);

        assertThat(preview.statusCode()).isEqualTo(200);
        Document review = Jsoup.parse(preview.body());
        assertThat(review.selectFirst(".import-headline").text()).isEqualTo("古い校舎を図書館に、町が改修案をまとめる");
        assertThat(review.selectFirst(".import-source").text()).isEqualTo("媒体不明");
        assertThat(review.selectFirst(".import-byline").text()).isEqualTo("中村 大輔");
        assertThat(review.select(".import-body ol li")).hasSize(3);
        assertThat(review.select(".import-warnings li").eachText())
                .contains("媒体名も元記事のURLも見つかりません。「媒体不明」の下書きとして保存し、媒体名を入れるまで公開できません。");
        Map<String, String> fields = new LinkedHashMap<>();
        review.selectFirst("form.import-save").select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
        String id = DeskForm.idFrom(multipart(editor, "/editor/import", fields, null, null));
        String path = "/editor/articles/" + id;

        Document form = editor.page(path);
        assertThat(form.selectFirst("#article-form input[name=sourceOutlet]").val()).isEqualTo("媒体不明");
        Map<String, String> manuscript = new LinkedHashMap<>();
        form.select("#article-form input[name], #article-form textarea[name], #article-form select[name]").forEach(field -> {
            if (!field.attr("type").equals("checkbox") || field.hasAttr("checked")) {
                manuscript.put(field.attr("name"), field.tagName().equals("select")
                        ? field.select("option[selected]").val() : field.tagName().equals("textarea") ? field.text() : field.val());
            }
        });
        manuscript.remove("_csrf");
        manuscript.put("action", "publish");
        manuscript.put("confirmed", "publish");
        HttpResponse<String> refused = editor.submit(path, path, manuscript);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).text()).contains("媒体名が「媒体不明」のままです。記事の出どころの媒体名を入れてから公開してください。");
        assertThat(new WebSession(port).get("/articles/" + id).statusCode()).isEqualTo(404);

        manuscript.put("sourceOutlet", "北浜タイムズ");
        manuscript.put("version", editor.page(path).selectFirst("#article-form input[name=version]").val());
        assertThat(editor.submit(path, path, manuscript).statusCode()).isEqualTo(302);
        assertThat(new WebSession(port).get("/articles/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void theOutletNamedOnTheFormIsTheDraftsSource() throws Exception {
        WebSession editor = editor();
        String text = Files.readString(Path.of("src/test/resources/import/pages/24-browser-copy-share-bar.txt"));
        HttpResponse<String> preview = multipart(editor, "/editor/import/preview", Map.of("_csrf", csrf(editor.page("/editor/import")),
                "text", text, "source", "みなと日日新聞デジタル", "sourceUrl", "https://minato-nichinichi.example/kurashi/1130"), null, null);

        Document review = Jsoup.parse(preview.body());
        assertThat(review.selectFirst(".import-source").text())
                .isEqualTo("みなと日日新聞デジタル（https://minato-nichinichi.example/kurashi/1130）");
        assertThat(review.selectFirst(".import-draft").text()).doesNotContain("LinkedIn", "Bluesky", "Twitter", "印刷", "おすすめ",
                "ニュースレター", "ログイン");
        Map<String, String> fields = new LinkedHashMap<>();
        review.selectFirst("form.import-save").select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
        String id = DeskForm.idFrom(multipart(editor, "/editor/import", fields, null, null));

        var stored = desk.forEditing(new ArticleId(id)).orElseThrow().content();
        assertThat(stored.source().name()).isEqualTo("みなと日日新聞デジタル");
        assertThat(stored.source().originalUrl()).hasToString("https://minato-nichinichi.example/kurashi/1130");
        assertThat(stored.bylines()).containsExactly("高橋 結衣");

        HttpResponse<String> badAddress = multipart(editor, "/editor/import/preview", Map.of("_csrf", csrf(editor.page("/editor/import")),
                "text", text, "source", "", "sourceUrl", "javascript:alert(1)"), null, null);
        assertThat(badAddress.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(badAddress.body()).selectFirst(".import-error").text())
                .isEqualTo("指定された元記事のURL「javascript:alert(1)」は http または https のアドレスではありません。");
    }

    @Test
    void aFileThatIsNoPageGetsAClearErrorAndNothingIsStored() {
        WebSession editor = editor();
        int before = audit.recent(null, 1000, 0).size();
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3};
        HttpResponse<String> refused = multipart(editor, "/editor/import/preview",
                Map.of("_csrf", csrf(editor.page("/editor/import")), "text", ""), "archive.zip", zip);

        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst(".import-error").text())
                .isEqualTo("画像や圧縮ファイルなどのデータで、記事のページ（HTMLまたはテキスト）ではありません。");
        assertThat(page.select("input[type=file]")).hasSize(1);

        HttpResponse<String> nothing = multipart(editor, "/editor/import/preview",
                Map.of("_csrf", csrf(editor.page("/editor/import")), "text", "  "), null, null);
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(nothing.body()).selectFirst(".import-error").text()).isEqualTo("ファイルを選ぶか、ページの内容を貼り付けてください。");

        HttpResponse<String> damaged = multipart(editor, "/editor/import",
                Map.of("_csrf", csrf(editor.page("/editor/import")), "fileName", "x.html", "content", "not base64!"), null, null);
        assertThat(damaged.statusCode()).isEqualTo(400);
        assertThat(audit.recent(null, 1000, 0)).hasSize(before);
    }

    @Test
    void theDeskIsForEditorsOnlyAndItsFormsNeedTheirToken() {
        assertThat(new WebSession(port).get("/editor/import").statusCode()).isEqualTo(302);
        WebSession reader = WebSession.loggedIn(port, "paid@example.com", KawarabanTest.DEMO_PASSWORD);
        assertThat(reader.get("/editor/import").statusCode()).isEqualTo(403);
        assertThat(multipart(editor(), "/editor/import/preview", Map.of("text", "本文"), null, null).statusCode()).isEqualTo(403);
    }
}
