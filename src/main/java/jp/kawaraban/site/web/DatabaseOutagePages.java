package jp.kawaraban.site.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jp.kawaraban.platform.DatabaseStatus;
import jp.kawaraban.platform.web.PageMeta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the database is out of reach, readers get "temporarily unavailable" — 503 with
 * {@code Retry-After}, a Japanese page in the site's layout, or problem details under
 * {@code /api/} — and get it at once, never after waiting for a connection. A filter, not an
 * exception handler (decision 0019): the session is read from the database by a filter before
 * any controller runs and written back after it, and only a filter in front of that one sees
 * those failures as well as the controllers'. While the database is known to be down, requests
 * are answered here without going further; static files are still served, without the cookies
 * that would make the filters behind look up the session.
 */
@Component
class DatabaseOutagePages extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutagePages.class);
    private static final String[] WITHOUT_DATABASE = {"/css/", "/js/", "/webjars/", "/favicon.ico", "/favicon.svg"};
    /** Health answers for itself (503 while its own check finds the database down). */
    private static final String HEALTH = "/actuator/";
    private static final Set<String> SESSION_COOKIES = Set.of("KAWARABAN_SESSION", "KAWARABAN_REMEMBER");

    private final DatabaseStatus database;
    private final SitePages pages;
    private final TemplateEngine templates;
    private final JsonMapper json;

    DatabaseOutagePages(DatabaseStatus database, SitePages pages, TemplateEngine templates, JsonMapper json) {
        this.database = database;
        this.pages = pages;
        this.templates = templates;
        this.json = json;
    }

    /**
     * The error page the container shows after a failure this filter let through passes the
     * session filter again: it too must not wait long for the database, nor wait at all while it
     * is known to be down.
     */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** Before the session filter, the first one that reads the database. */
    @Override
    public int getOrder() {
        return SessionRepositoryFilter.DEFAULT_ORDER - 10;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (database.isDown() && !path.startsWith(HEALTH)) {
            if (Arrays.stream(WITHOUT_DATABASE).anyMatch(path::startsWith)) {
                chain.doFilter(new WithoutSessionCookies(request), response);
            } else {
                answerUnavailable(request, response);
            }
            return;
        }
        try (var reader = database.reader()) {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (response.isCommitted() || !database.explains(failure)) {
                throw failure;
            }
            log.debug("{} {}: the database is out of reach", request.getMethod(), path, failure);
            response.reset();
            answerUnavailable(request, response);
        }
    }

    private void answerUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var msg = pages.msg();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(DatabaseStatus.RETRY_AFTER.toSeconds()));
        response.setHeader("Cache-Control", "no-store"); // no cache or CDN may keep this answer for the page
        byte[] body;
        if (request.getRequestURI().startsWith("/api/")) {
            // The same members as the refusals' problem details (site.web.Refusals).
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", msg.get("refusal.title.UNAVAILABLE"));
            problem.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            problem.put("detail", msg.get("error.unavailable.detail"));
            problem.put("instance", request.getRequestURI());
            problem.put("error", "DATABASE_UNAVAILABLE");
            body = json.writeValueAsBytes(problem);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        } else {
            Utf8ByteOutput output = new Utf8ByteOutput();
            templates.render("site/error.jte", Map.of(
                    "chrome", pages.chromeWithoutDatabase(PageMeta.hidden(msg.get("error.unavailable.title"))),
                    "status", HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "kind", "unavailable"), output);
            var page = new java.io.ByteArrayOutputStream(output.getContentLength());
            output.writeTo(page);
            body = page.toByteArray();
            response.setContentType("text/html;charset=UTF-8");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** A request for a static file, seen without the cookies that name a session or a remembered device. */
    private static final class WithoutSessionCookies extends HttpServletRequestWrapper {

        WithoutSessionCookies(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Cookie[] getCookies() {
            Cookie[] cookies = super.getCookies();
            return cookies == null ? null : Arrays.stream(cookies)
                    .filter(cookie -> !SESSION_COOKIES.contains(cookie.getName())).toArray(Cookie[]::new);
        }
    }
}
