package jp.kawaraban.site;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.Multipart;
import jp.kawaraban.WebSession;
import jp.kawaraban.access.Trials;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import jp.kawaraban.member.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control characters, bytes that are no UTF-8 and halves of surrogate pairs are refused where
 * the request comes in: 400 with the reason in Japanese — on the site's page (in its layout)
 * for pages, as problem details in the API — and nothing is stored. Tabs and line breaks stay
 * allowed in what is written, not in addresses. {@link HostileInputProbeTest} sends them to
 * every input; this test says what a reader and an app see.
 */
@KawarabanTest
class ControlCharactersTest {

    static final String REASON = "使えない文字";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Trials trials;
    @Autowired
    JsonMapper json;

    @Test
    void aPageIsRefusedWithTheReasonInTheSitesLayout() {
        for (String path : new String[] {"/search?entity=%00", "/search?q=a%01b", "/search?q=%FF", "/search?q=a%ED%A0%80",
                "/sections/wor%7Fld", "/search?q%00=a"}) {
            HttpResponse<String> answer = new WebSession(port).get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            Document page = Jsoup.parse(answer.body());
            assertThat(page.selectFirst("h1").text()).as(path).isEqualTo("使えない文字が含まれています");
            assertThat(page.selectFirst(".refusal-message").text()).as(path).contains(REASON);
            assertThat(page.select("header.masthead a[href=/]")).as("the site's layout around it").isNotEmpty();
        }
        assertThat(new WebSession(port).get("/search?q=" + "a%09b%0Ac").statusCode()).as("a tab and a line break").isEqualTo(200);
    }

    @Test
    void theApiAnswersWithProblemDetailsNamingTheParameter() {
        JsonNode problem = problem(new WebSession(port).get("/api/v1/articles?section=%00", "application/json"));
        assertThat(problem.get("parameter").asString()).isEqualTo("section");
        assertThat(problem.get("error").asString()).isEqualTo("invalidCharacters");
        assertThat(problem.get("title").asString()).isEqualTo("使えない文字が含まれています");
        assertThat(problem.get("detail").asString()).contains(REASON);
    }

    @Test
    void aSignUpWithANulInItsNameStoresNoAccount() {
        WebSession reader = new WebSession(port);
        String email = "nul-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> answer = reader.submit("/signup", "/signup",
                Map.of("name", "読者\u0000一郎", "email", email, "password", "a-long-enough-password"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(answer.body()).selectFirst(".refusal-message").text()).contains(REASON);
        assertThat(accounts.findByEmail(email)).isEmpty();
        assertThat(reader.submit("/signup", "/signup", Map.of("name", "読者", "email", "nul\u0000" + email,
                "password", "a-long-enough-password")).statusCode()).isEqualTo(400);
        assertThat(reader.submit("/login", "/login", Map.of("email", "a\u0000b@example.com", "password", "x"))
                .statusCode()).as("the log-in form, read by Spring Security").isEqualTo(400);
    }

    @Test
    void aJsonBodyWithAnEscapedControlCharacterFollowsNothing() {
        WebSession member = member(Set.of());
        String token = member.page("/my/account").selectFirst("input[name=_csrf]").val();
        for (String value : new String[] {"a\\u0000b", "a\\u001Bb", "a\\bb", "a\\uD800b"}) {
            JsonNode problem = problem(member.postJson("/api/v1/my/follows", "{\"kind\":\"keyword\",\"value\":\"" + value + "\"}",
                    Map.of("X-CSRF-TOKEN", token)));
            assertThat(problem.get("parameter").asString()).isEqualTo("body");
        }
        assertThat(member.get("/api/v1/my/follows", "application/json").body()).doesNotContain("\\u0000", "\\u001b", "\\ud800");
        HttpResponse<String> escapedBackslash = member.postJson("/api/v1/my/follows",
                "{\"kind\":\"keyword\",\"value\":\"円安\\\\u0000\"}", Map.of("X-CSRF-TOKEN", token));
        assertThat(escapedBackslash.statusCode()).as("a backslash written as \\\\ is text, not an escape").isNotEqualTo(400);
    }

    @Test
    void uploadFieldsAreCheckedAsTheDeskReadsThemAndFilesStillArrive() {
        WebSession editor = member(Set.of(Role.EDITOR));
        String token = editor.page("/editor/import").selectFirst("input[name=_csrf]").val();
        HttpResponse<String> refused = new Multipart().field("_csrf", token).rawField("text", "見出し\u0000".getBytes(StandardCharsets.UTF_8))
                .post(editor, "/editor/import/preview", Map.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).selectFirst(".refusal-message").text()).contains(REASON);
        HttpResponse<String> read = new Multipart().field("_csrf", token)
                .file("file", "page.html", "text/html", PAGE.getBytes(StandardCharsets.UTF_8)).post(editor, "/editor/import/preview", Map.of());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("町の図書館が夜間開館を始める");
    }

    @Test
    void aSessionCookieThatIsNoSessionIdIsNoSession() {
        for (String value : new String[] {"YQBi", "YQFi", "%00"}) {
            HttpResponse<String> answer = new WebSession(port).send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/my/saved")).header("Cookie", "KAWARABAN_SESSION=" + value).GET().build());
            assertThat(answer.statusCode()).as(value).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("/login");
        }
    }

    static final String PAGE = """
            <html><head><meta property="og:site_name" content="みなとタイムズ"></head><body><article>
            <h1>町の図書館が夜間開館を始める</h1>
            <p>みなと町の図書館は来月から、平日の夜9時まで開館すると発表した。仕事帰りの利用者の声に応えた。</p>
            <p>町によると、夜間の利用は試行期間中に1日平均40人を超えた。本の返却も夜間に受け付ける。</p>
            </article></body></html>
            """;

    private WebSession member(Set<Role> roles) {
        String email = "typed-" + UUID.randomUUID() + "@example.com";
        Member member = accounts.createVerified(email, KawarabanTest.DEMO_PASSWORD, "試験 会員", roles);
        trials.start(member.id(), trials.openCampaigns().getFirst().code());
        return WebSession.loggedIn(port, email, KawarabanTest.DEMO_PASSWORD);
    }

    private JsonNode problem(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        return json.readTree(answer.body());
    }
}
