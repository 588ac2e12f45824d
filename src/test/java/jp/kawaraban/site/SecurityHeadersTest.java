package jp.kawaraban.site;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.ArticleId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page says what the browser may load and run on it (Content-Security-Policy) and how
 * much of its address other sites learn (Referrer-Policy): anonymous and members' pages, the
 * desk, error pages. A mail preview and a figure keep the stricter policies of their own.
 * That the pages work under the policy is {@link ContentSecurityPolicyInBrowserTest}'s part.
 */
@KawarabanTest
class SecurityHeadersTest {

    private static final String ARTICLE = "/articles/" + ArticleId.derivedFrom("demo:business-rice-prices-stay-high").value();

    @LocalServerPort
    int port;

    @Test
    void readersPagesCarryThePolicies() {
        WebSession anonymous = new WebSession(port);
        for (String path : List.of("/", ARTICLE, ARTICLE + "/print", "/search?q=物価", "/login", "/signup",
                "/newsletters", "/plans", "/no-such-page", UnexpectedErrorsTest.IN_A_PAGE)) {
            assertPolicies(anonymous.get(path, "text/html"), path);
        }
        WebSession member = WebSession.loggedIn(port, "paid@example.com", DEMO_PASSWORD);
        for (String path : List.of("/my/account", "/my/news", "/my/saved", ARTICLE)) {
            assertPolicies(member.get(path), path + " (member)");
        }
        WebSession editor = WebSession.loggedIn(port, "editor@example.com", DEMO_PASSWORD);
        for (String path : List.of("/editor/articles", "/editor/articles/new", "/editor/newsletters")) {
            assertPolicies(editor.get(path), path + " (editor)");
        }
    }

    @Test
    void aMailPreviewAndAFigureKeepTheirOwnPolicies() {
        WebSession editor = WebSession.loggedIn(port, "editor@example.com", DEMO_PASSWORD);
        HttpResponse<String> created = editor.submit("/editor/newsletters", "/editor/newsletters/issues",
                Map.of("newsletter", "five-today", "subject", "見出しの確認"));
        String issue = editor.local(created.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> preview = editor.get(issue + "/preview.html");
        assertThat(preview.statusCode()).isEqualTo(200);
        // The mail's inline styles apply; nothing in it may run, load from elsewhere or be sent.
        assertThat(preview.headers().allValues("Content-Security-Policy")).singleElement().asString()
                .contains("default-src 'none'", "style-src 'unsafe-inline'", "sandbox");

        HttpResponse<String> figure = new WebSession(port).get("/images/demo-rice-price-2025.svg");
        assertThat(figure.statusCode()).isEqualTo(200);
        assertThat(figure.headers().allValues("Content-Security-Policy")).singleElement().asString()
                .contains("default-src 'none'", "sandbox");
    }

    private static void assertPolicies(HttpResponse<String> answer, String what) {
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("text/html");
        assertThat(answer.headers().allValues("Content-Security-Policy")).as(what).singleElement().asString()
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                        "base-uri 'none'", "frame-ancestors 'none'",
                        "form-action 'self' https://checkout.stripe.com https://billing.stripe.com")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(answer.headers().firstValue("Referrer-Policy")).as(what).hasValue("strict-origin-when-cross-origin");
    }
}
