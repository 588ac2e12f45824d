package jp.kawaraban.editorial;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jp.kawaraban.article.ArticleDesk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.kawaraban.KawarabanTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files the importer once misread, through {@link PartnerPages} as the desk and the import
 * command use it: pages in UTF-16 and UTF-32 (with and without a byte order mark) and in
 * ISO-2022-JP, once called binary; UTF-8 cut in the middle of its last character, once told
 * to be saved as UTF-8; pages nested ten thousand elements deep; livedoor files whose date
 * line is broken, once imported with the date as the headline; and stray control characters.
 * Every file is made here from our own sentences.
 */
@KawarabanTest
class ImportEncodingsTest {

    static final AuditLog.Actor EDITOR = new AuditLog.Actor("test-editor", "試験 編集者");
    static final String HEADLINE = "川沿いの桜並木、今年は例年より早く満開に";
    static final String FIRST = "市内を流れる川沿いの桜並木が、例年より5日早く満開を迎えた。週末には多くの花見客が訪れる見込みだ。";
    static final String SECOND = "市の観光課によると、3月の気温が高かったことが早い開花につながった。夜間のライトアップは今月末まで続く。";
    static final String HTML = """
            <!doctype html>
            <html lang="ja"><head><meta charset="%s"><title>%s｜かわせみ新報</title>
            <meta property="og:site_name" content="かわせみ新報"></head>
            <body><article><h1>%s</h1><p class="byline">文・写真：川村咲</p>
            <p>%s</p><p>%s</p></article></body></html>
            """;

    @Autowired
    PartnerPages imports;
    @Autowired
    ArticleDesk desk;
    @Autowired
    AuditLog audit;

    private static String html(String charset) {
        return HTML.formatted(charset, HEADLINE, HEADLINE, FIRST, SECOND);
    }

    private Map<String, Object> read(String name, byte[] bytes) {
        return imports.report(name, bytes, ImportMode.DRY_RUN, EDITOR).fields();
    }

    private static void assertTheStory(Map<String, Object> report) {
        assertThat(report).doesNotContainKey("error");
        assertThat(report.get("headline")).isEqualTo(HEADLINE);
        assertThat(report.get("lead")).isEqualTo(FIRST);
        assertThat(report.get("blocks").toString()).contains(SECOND);
    }

    private static List<String> warnings(Map<String, Object> report) {
        @SuppressWarnings("unchecked")
        List<String> warnings = (List<String>) report.get("warnings");
        return warnings;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(all::writeBytes);
        return all.toByteArray();
    }

    @Test
    void utf16WithAByteOrderMarkIsReadAsItSays() {
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] mark = charset == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
            Map<String, Object> report = read("sakura-" + charset + ".html", concat(mark, html("utf-16").getBytes(charset)));
            assertTheStory(report);
            assertThat(warnings(report)).noneMatch(w -> w.contains("文字コード"));
        }
    }

    @Test
    void utf16WithoutAMarkIsFoundByItsNulBytesAndSaidToBeGuessed() {
        Map<String, Object> report = read("sakura.html", html("utf-16").getBytes(StandardCharsets.UTF_16LE));
        assertTheStory(report);
        assertThat(warnings(report)).contains("文字コードの指定がなかったため、UTF-16LEとして読み込みました。文字化けがないか確かめてください。");
    }

    @Test
    void utf32IsReadWithOrWithoutAMark() {
        Charset be = Charset.forName("UTF-32BE");
        assertTheStory(read("sakura-32.html", concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, html("utf-32").getBytes(be))));
        Map<String, Object> unmarked = read("sakura-32le.html", html("utf-32").getBytes(Charset.forName("UTF-32LE")));
        assertTheStory(unmarked);
        assertThat(warnings(unmarked)).anyMatch(w -> w.contains("UTF-32LEとして読み込みました"));
    }

    @Test
    void iso2022JpAsMailAndOldPagesWriteItIsRead() {
        Charset jis = Charset.forName("ISO-2022-JP");
        assertTheStory(read("sakura-jis.html", html("iso-2022-jp").getBytes(jis)));
        String mail = "https://kawasemi-shinpo.example/local/sakura\n\n" + HEADLINE + "\n\n" + FIRST + "\n\n" + SECOND
                + "\n\n（川村咲）\n";
        Map<String, Object> text = read("sakura-mail.txt", mail.getBytes(jis));
        assertThat(text).doesNotContainKey("error");
        assertThat(text.get("headline")).isEqualTo(HEADLINE);
        assertThat(warnings(text)).noneMatch(w -> w.contains("文字コード"));
    }

    @Test
    void utf8CutInTheMiddleOfItsLastCharacterIsReadWithAWarning() {
        byte[] whole = html("utf-8").replace("</article></body></html>\n", "<p>見出しの写真は市提供")
                .getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(whole, whole.length - 1); // 供 loses its last byte
        Map<String, Object> report = read("sakura-cut.html", cut);
        assertTheStory(report);
        assertThat(report.get("blocks").toString()).contains("見出しの写真は市提").doesNotContain("供");
        assertThat(warnings(report)).contains(
                "ファイルが文字の途中で終わっていたため、最後の読めない部分を除いて読み込みました。本文の終わりが欠けていないか確かめてください。");
    }

    @Test
    void aPageNestedTenThousandDeepIsRefusedSayingWhy() {
        String page = html("utf-8");
        int body = page.indexOf("<body>") + "<body>".length();
        for (String nested : List.of("<div>".repeat(10_000) + page + "</div>".repeat(10_000),
                page.substring(0, body) + "<section>".repeat(10_000) + page.substring(body),
                page.substring(0, body) + "<div>・".repeat(10_000) + page.substring(body))) {
            assertThat(read("sakura-nested.html", nested.getBytes(StandardCharsets.UTF_8)).get("error")).asString()
                    .startsWith("要素の入れ子が深すぎるページ（数百段以上）のため、記事の本文を読み取れませんでした。");
        }
        // Old pages leave paragraphs and list items open by the thousand: that is no nesting.
        String open = page.replace("<p>" + SECOND + "</p>", ("<p>" + SECOND).repeat(600));
        assertTheStory(read("sakura-open.html", open.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLivedoorFileWithABrokenDateLineKeepsItsTitleAsTheHeadlineAndSaysSo() {
        String file = "http://news.example-portal.jp/article/detail/8800001/\n2012-09-3O1T10:00:00+0900\n" + HEADLINE + "\n"
                + FIRST + "\n" + SECOND + "\n";
        Map<String, Object> report = read("it-life-hack-8800001.txt", file.getBytes(StandardCharsets.UTF_8));
        assertThat(report.get("headline")).isEqualTo(HEADLINE);
        assertThat(report.get("publishedAt")).isNull();
        assertThat(warnings(report)).contains("livedoorニュースの形式のファイルですが、2行目の日付「2012-09-3O1T10:00:00+0900」を読めませんでした。"
                + "3行目を見出しとしました。公開日時を確かめてください。");
        Map<String, Object> unnamed = read("page.txt", file.replace("2012-09-3O1", "2012-09-").getBytes(StandardCharsets.UTF_8));
        assertThat(unnamed.get("headline")).as("a file not named like the corpus").isEqualTo(HEADLINE);
    }

    @Test
    void strayControlCharactersInAFileAreTakenOutAndTheDraftIsStored() {
        String page = html("utf-8").replace(FIRST, FIRST.replace("。週末", "。\u0001週末"))
                .replace("</body>", "<!--" + "x".repeat(9000) + "--><p>\u0000</p></body>");
        ImportOutcome stored = imports.importPage("sakura\u0000controls.html", page.getBytes(StandardCharsets.UTF_8), ImportMode.DRAFT, EDITOR);
        var draft = desk.forEditing(stored.stored()).orElseThrow().content();
        assertThat(draft.lead()).isEqualTo(FIRST);
        assertThat(draft.plainText()).doesNotContain("\u0000", "\u0001");
        assertThat(audit.recent("article:" + stored.stored(), 10, 0)).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains("(sakuracontrols.html)"));
    }
}
