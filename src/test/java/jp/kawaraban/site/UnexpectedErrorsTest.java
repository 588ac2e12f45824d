package jp.kawaraban.site;

import java.io.IOException;
import java.net.http.HttpResponse;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader who meets a failure nobody foresaw gets the site's own Japanese 500 page, never
 * the servlet container's report: whether a page's code failed, or the failure was outside
 * any page and came back when the error page itself was being made (as a session that could
 * not be saved did). Every test application has the two failing addresses
 * ({@link jp.kawaraban.KawarabanTestConfiguration}).
 */
@KawarabanTest
public class UnexpectedErrorsTest {

    static final String IN_A_PAGE = "/test-failures/page";
    static final String EVERYWHERE = "/test-failures/everywhere";

    @RestController
    public static class FailingPage {
        @GetMapping(IN_A_PAGE)
        String fail() {
            throw new IllegalStateException("a failure nobody foresaw (test)");
        }
    }

    /** Imported, not a nested {@code @Configuration}: that would give this class an application of its own. */
    public static class FailingEverywhere {

        /** Fails the request and again the error page made for it, as a broken session store would. */
        @Bean
        FilterRegistrationBean<OncePerRequestFilter> failingEverywhere() {
            var filter = new OncePerRequestFilter() {
                @Override
                protected boolean shouldNotFilterErrorDispatch() {
                    return false;
                }

                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                FilterChain chain) throws ServletException, IOException {
                    String path = request.getDispatcherType() == DispatcherType.ERROR
                            ? (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : request.getRequestURI();
                    if (EVERYWHERE.equals(path)) {
                        throw new IllegalStateException("a failure outside any page (test), " + request.getDispatcherType());
                    }
                    chain.doFilter(request, response);
                }
            };
            var registration = new FilterRegistrationBean<OncePerRequestFilter>(filter);
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
            return registration;
        }
    }

    @LocalServerPort
    int port;

    @Test
    void aFailingPageAnswersWithTheSitesErrorPage() {
        HttpResponse<String> answer = new WebSession(port).get(IN_A_PAGE, "text/html");
        assertThat(answer.statusCode()).isEqualTo(500);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ja");
        assertThat(page.selectFirst("h1").text()).isEqualTo("ただいま表示できません");
        assertThat(page.select("header.masthead")).as("the site's layout").hasSize(1);
        assertThat(answer.body()).doesNotContain("Tomcat", "IllegalStateException", "nobody foresaw");
    }

    @Test
    void aFailureTheErrorPageCannotGetPastStillAnswersInJapaneseNotWithTheContainersReport() {
        HttpResponse<String> answer = new WebSession(port).get(EVERYWHERE, "text/html");
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        Document page = Jsoup.parse(answer.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ja");
        assertThat(page.selectFirst("h1").text()).isEqualTo("ただいま表示できません");
        assertThat(page.selectFirst("a[href=/]")).as("a way back home").isNotNull();
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).contains("/css/site.css");
        assertThat(answer.body()).doesNotContain("Tomcat", "HTTP Status", "IllegalStateException", "outside any page");
    }
}
