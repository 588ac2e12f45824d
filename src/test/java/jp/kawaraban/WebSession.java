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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser's worth of HTTP for tests: keeps cookies, does not follow redirects (tests
 * look at them), and posts forms with the CSRF token read from the page that holds the form.
 * Each session is a client of its own, as separate browsers are: its requests come through
 * the loopback address, which the application trusts as a proxy, saying
 * {@code X-Forwarded-For: }{@link #clientAddress()} (a fresh address of the benchmarking
 * range 198.18.0.0/15 for each session). So per-client limits count one test's requests, not
 * the whole test run's.
 */
public final class WebSession {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final String base;
    private final String clientAddress;
    private final HttpClient http;
    private final CookieManager cookies;

    public WebSession(int port) {
        this(port, new CookieManager(), null);
    }

    private WebSession(int port, CookieManager cookies, String clientAddress) {
        this.base = "http://localhost:" + port;
        this.cookies = cookies;
        int client = CLIENTS.incrementAndGet();
        this.clientAddress = clientAddress != null ? clientAddress
                : "198." + (18 + (client >> 16 & 1)) + "." + (client >> 8 & 0xff) + "." + (client & 0xff);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The same browser talking to another application node (on {@code port}), as after a load
     * balancer switched it: same cookies, same client address.
     */
    public WebSession atPort(int port) {
        return new WebSession(port, cookies, clientAddress);
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

    /** The address the application sees this session's requests come from. */
    public String clientAddress() {
        return clientAddress;
    }

    /** A link from a mail (built on the configured public address) on this test's server. */
    public String local(String link) {
        return link.replaceFirst("^https?://[^/]+", "");
    }

    /** The value of this browser's cookie {@code name}, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /**
     * The same browser as a fresh client that sends only {@code name=value} as its cookie: a
     * cookie replayed after the browser was told to forget it.
     */
    public HttpResponse<String> getWithOnlyCookie(String path, String name, String value) {
        HttpClient bare = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            return bare.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", name + "=" + value)
                    .header("X-Forwarded-For", clientAddress).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends any request with this session's cookies and client address (PUT, DELETE, extra headers). */
    public HttpResponse<String> send(HttpRequest request) {
        HttpRequest fromClient = HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("X-Forwarded-For"))
                .header("X-Forwarded-For", clientAddress).build();
        try {
            return http.send(fromClient, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
