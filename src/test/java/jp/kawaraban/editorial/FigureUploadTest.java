package jp.kawaraban.editorial;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.Multipart;
import jp.kawaraban.WebSession;
import jp.kawaraban.platform.PlatformProperties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures at the desk over HTTP, with the default (database) image store: an editor uploads
 * PNG, JPEG and SVG and readers get exactly those bytes at {@code /images/{id}}; bad files are
 * refused in Japanese with nothing stored; the desk is closed to readers.
 */
@KawarabanTest
public class FigureUploadTest {

    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    PlatformProperties platform;

    private final HttpClient reader = HttpClient.newHttpClient();

    @Test
    void anEditorUploadsAPngAndReadersGetItWithTheMarkupToPaste() throws Exception {
        var editor = editor();
        long filesBefore = imageFiles(); // FiguresInDirectoryTest may have left some in the shared application
        byte[] png = png(64, 48);
        HttpResponse<String> answer = upload(editor, "chart.png", "image/png", png, "東雲市の人口の推移", "東雲市調べ");

        assertThat(answer.statusCode()).isEqualTo(201);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select(".notice-info").text()).contains("図表を保存しました");
        String id = page.selectFirst(".stored-figure").attr("data-figure-id");
        assertThat(page.selectFirst("#stored-markup").val()).isEqualTo("![東雲市の人口の推移](" + id + " \"東雲市調べ\")");

        HttpResponse<byte[]> image = image(id);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
        assertThat(image.body()).isEqualTo(png);

        var listed = editor.page("/editor/figures").selectFirst("li.library-figure[data-figure-id=" + id + "]");
        assertThat(listed.text()).contains("東雲市の人口の推移", "東雲市調べ", "chart.png", "64×48");
        assertThat(listed.selectFirst("img").attr("src")).isEqualTo("/images/" + id);

        assertThat(audit.recent("figure:" + id, 10, 0)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("figure.upload");
            assertThat(entry.actorName()).isNotBlank();
            assertThat(entry.detail()).contains("image/png", "64×48", "東雲市の人口の推移");
        });
        assertThat(imageFiles()).as("the database store writes no files").isEqualTo(filesBefore);
    }

    /** Files under {@code <data-dir>/images}, where the directory store keeps images. */
    private long imageFiles() throws IOException {
        Path images = platform.dataDir().resolve("images");
        if (!Files.exists(images)) {
            return 0;
        }
        try (var walk = Files.walk(images)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aJpegWithoutCreditIsStoredAsUploaded() throws Exception {
        byte[] jpeg = jpeg(120, 80);
        HttpResponse<String> answer = upload(editor(), "photo.JPG", "image/jpeg", jpeg, "  会見する市長\n（14日） ", "");
        assertThat(answer.statusCode()).isEqualTo(201);
        String id = Jsoup.parse(answer.body()).selectFirst(".stored-figure").attr("data-figure-id");
        assertThat(Jsoup.parse(answer.body()).selectFirst("#stored-markup").val()).isEqualTo("![会見する市長 （14日）](" + id + ")");
        HttpResponse<byte[]> image = image(id);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(image.body()).isEqualTo(jpeg);
    }

    @Test
    void anSvgIsServedCleanedOfScriptAndOutsideReferences() throws Exception {
        String dirty = """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="300" height="200" onload="alert(1)">
                  <script>alert(2)</script>
                  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
                  <a xlink:href="javascript:alert(3)"><rect width="100" height="50" fill="#c00"/></a>
                  <use href="https://evil.example/s.svg#x"/>
                  <text x="10" y="20">前年比 12%増</text>
                </svg>""";
        HttpResponse<String> answer = upload(editor(), "chart.svg", "image/svg+xml", dirty.getBytes(StandardCharsets.UTF_8),
                "売上の推移", "編集部作成");
        assertThat(answer.statusCode()).isEqualTo(201);
        String id = Jsoup.parse(answer.body()).selectFirst(".stored-figure").attr("data-figure-id");

        HttpResponse<byte[]> image = image(id);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(image.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
        String served = new String(image.body(), StandardCharsets.UTF_8);
        assertThat(served).contains("<rect", "前年比 12%増", "width=\"300\"")
                .doesNotContain("alert", "script", "foreignObject", "javascript", "evil.example", "onload");
        assertThat(jdbc.sql("select width || 'x' || height from editorial_figure where id = ?").param(id)
                .query(String.class).single()).isEqualTo("300x200");
    }

    @Test
    void aScriptAskingForJsonGetsTheIdUrlAndMarkup() throws Exception {
        var editor = editor();
        HttpResponse<String> answer = new Multipart().field("caption", "地図").field("credit", "国土地理院")
                .file("file", "map.png", "image/png", png(10, 20))
                .post(editor, "/editor/figures", Map.of("Accept", "application/json", "X-CSRF-TOKEN", csrfToken(editor)));
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode json = JsonMapper.builder().build().readTree(answer.body());
        String id = json.get("id").asString();
        assertThat(json.get("url").asString()).isEqualTo("/images/" + id);
        assertThat(json.get("markup").asString()).isEqualTo("![地図](" + id + " \"国土地理院\")");
        assertThat(json.get("width").asInt()).isEqualTo(10);
        assertThat(json.get("height").asInt()).isEqualTo(20);
        assertThat(image(id).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = new Multipart().field("caption", "").file("file", "map.png", "image/png", png(10, 20))
                .post(editor, "/editor/figures", Map.of("Accept", "application/json", "X-CSRF-TOKEN", csrfToken(editor)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
        assertThat(problem.get("reason").asString()).isEqualTo("CAPTION_MISSING");
        assertThat(problem.get("detail").asString()).isEqualTo("キャプションを入力してください。");
    }

    @Test
    void badFilesAreRefusedInJapaneseWithTheFormKeptAndNothingStored() throws Exception {
        var editor = editor();
        long figures = count("editorial_figure");
        long images = count("article_image");
        long audits = jdbc.sql("select count(*) from editorial_audit").query(Long.class).single();

        byte[] gif = Arrays.copyOf("GIF89a".getBytes(StandardCharsets.US_ASCII), 64);
        refused(editor, "anim.gif", gif, 415, "PNG、JPEG、SVGの画像だけを受け付けます");
        refused(editor, "notes.png", "これは画像ではありません".getBytes(StandardCharsets.UTF_8), 415, "PNG、JPEG、SVGの画像だけを受け付けます");
        refused(editor, "empty.png", new byte[0], 400, "ファイルが選ばれていないか、中身が空です");
        byte[] oversized = Arrays.copyOf(png(4, 4), 5 * 1024 * 1024 + 1);
        refused(editor, "huge.png", oversized, 413, "ファイルが大きすぎます。5MB以下にしてください");
        refused(editor, "bomb.png", pngHeaderClaiming(100_000, 100_000), 400, "上限を超えています");
        refused(editor, "truncated.jpg", new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00}, 400, "画像を読み取れませんでした");
        refused(editor, "xxe.svg", ("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>").getBytes(StandardCharsets.UTF_8),
                400, "文書型宣言（DOCTYPE）");
        refused(editor, "page.svg", "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8),
                400, "SVGの図として読み取れませんでした");

        HttpResponse<String> noCaption = upload(editor, "ok.png", "image/png", png(8, 8), "  ", "共同");
        assertThat(noCaption.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noCaption.body()).select(".notice-error").text()).isEqualTo("キャプションを入力してください。");
        assertThat(Jsoup.parse(noCaption.body()).selectFirst("#figure-credit").val()).isEqualTo("共同");

        assertThat(count("editorial_figure")).isEqualTo(figures);
        assertThat(count("article_image")).isEqualTo(images);
        assertThat(jdbc.sql("select count(*) from editorial_audit").query(Long.class).single()).isEqualTo(audits);
    }

    @Test
    void anUploadBeyondEvenTheContainersLimitIsTooLargeInJapanese() throws Exception {
        var editor = editor();
        long figures = count("editorial_figure");
        // The container stops reading at twice the figure limit (UploadLimits): 10 MB here.
        byte[] far = new byte[10 * 1024 * 1024 + 100_000];
        HttpResponse<String> page = upload(editor, "far.png", "image/png", far, "大きすぎる写真", "");
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo("送信されたデータが大きすぎます");

        HttpResponse<String> json = new Multipart().field("caption", "大きすぎる写真").file("file", "far.png", "image/png", far)
                .post(editor, "/editor/figures", Map.of("Accept", "application/json", "X-CSRF-TOKEN", csrfToken(editor)));
        assertThat(json.statusCode()).isEqualTo(413);
        assertThat(JsonMapper.builder().build().readTree(json.body()).get("detail").asString())
                .isEqualTo("ファイルが大きすぎます。5MB以下にしてください。");
        assertThat(count("editorial_figure")).isEqualTo(figures);
    }

    @Test
    void readersAndMembersCannotUpload() throws Exception {
        assertThat(new WebSession(port).get("/editor/figures").statusCode()).isEqualTo(302);
        var paid = WebSession.loggedIn(port, "paid@example.com", KawarabanTest.DEMO_PASSWORD);
        assertThat(paid.get("/editor/figures").statusCode()).isEqualTo(403);
        long figures = count("editorial_figure");
        String token = paid.page("/my/account").selectFirst("input[name=_csrf]").val();
        HttpResponse<String> post = new Multipart().field("_csrf", token).field("caption", "x")
                .file("file", "a.png", "image/png", png(4, 4)).post(paid, "/editor/figures", Map.of());
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(count("editorial_figure")).isEqualTo(figures);
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> post = new Multipart().field("caption", "x").file("file", "a.png", "image/png", png(4, 4))
                .post(editor(), "/editor/figures", Map.of());
        assertThat(post.statusCode()).isEqualTo(403);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private WebSession editor() {
        return WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
    }

    /** Posts the form as a browser would, its CSRF field included. */
    public static HttpResponse<String> upload(WebSession session, String fileName, String type, byte[] bytes, String caption,
                                       String credit) {
        var form = session.page("/editor/figures").selectFirst("form.figure-form");
        return new Multipart().field("_csrf", form.selectFirst("input[name=_csrf]").val())
                .field("caption", caption).field("credit", credit).file("file", fileName, type, bytes)
                .post(session, form.attr("action"), Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
    }

    private static String csrfToken(WebSession session) {
        return session.page("/editor/figures").selectFirst("form.figure-form input[name=_csrf]").val();
    }

    private void refused(WebSession editor, String fileName, byte[] bytes, int status, String message) {
        HttpResponse<String> answer = upload(editor, fileName, "image/png", bytes, "キャプション " + fileName, "クレジット");
        assertThat(answer.statusCode()).as(fileName).isEqualTo(status);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select(".notice-error").text()).as(fileName).contains(message);
        assertThat(page.selectFirst("#figure-caption").val()).as("caption kept").isEqualTo("キャプション " + fileName);
        assertThat(page.select(".stored-figure")).isEmpty();
    }

    HttpResponse<byte[]> image(String id) throws IOException, InterruptedException {
        return reader.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/images/" + id)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    public static byte[] png(int width, int height) throws IOException {
        return encode(width, height, "png");
    }

    static byte[] jpeg(int width, int height) throws IOException {
        return encode(width, height, "jpeg");
    }

    private static byte[] encode(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A PNG signature and a valid IHDR chunk claiming this size, and no pixels: a decompression bomb's header. */
    static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4)
                .put(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }
}
