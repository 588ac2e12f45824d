package jp.kawaraban;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser's worth of HTTP for tests: keeps cookies, does not follow redirects (tests
 * look at them), and posts forms with the CSRF token read from the page that holds the form.
 */
public final class WebSession {

    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();

    public WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A fresh session logged in as a member (log-in form, as a reader would). */
    public static WebSession loggedIn(int port, String email, String password) {
        WebSession session = new WebSession(port);
        HttpResponse<String> answer = session.submit("/login", "/login", Map.of("email", email, "password", password));
        assertThat(answer.statusCode()).as("log-in as " + email).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build());
    }

    public Document page(String path) {
        return Jsoup.parse(get(path).body(), base + path);
    }

    /** Reads the CSRF token from {@code pagePath}, then posts the form to {@code action}. */
    public HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) {
        Document page = page(pagePath);
        Element token = page.selectFirst("input[name=_csrf]");
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token != null) {
            all.put("_csrf", token.val());
        }
        return post(action, all);
    }

    /** Posts exactly these fields (no CSRF token unless given). */
    public HttpResponse<String> post(String action, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> postJson(String path, String json, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public String base() {
        return base;
    }

    /** A link from a mail (built on the configured public address) on this test's server. */
    public String local(String link) {
        return link.replaceFirst("^https?://[^/]+", "");
    }

    /** Sends any request with this session's cookies (PUT, DELETE, extra headers). */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
