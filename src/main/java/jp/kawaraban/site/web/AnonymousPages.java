package jp.kawaraban.site.web;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kawaraban.site.ReadersPagesChanged;
import jp.kawaraban.site.web.AnonymousPageCache.Header;
import jp.kawaraban.site.web.AnonymousPageCache.Lookup;
import jp.kawaraban.site.web.AnonymousPageCache.StoredPage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Anonymous readers' pages — home, sections, series, keywords, an article and its print view, the
 * standing pages (terms, privacy...) —
 * sent from memory, ahead of the session filter and Spring Security, which cost more than
 * the page itself once it is rendered (decision 0026). Only for a request that is anonymous
 * for sure: no cookie of ours (session, remember-me, email unlock), no {@code Authorization},
 * no htmx request, GET or HEAD, no query parameter but {@code page}. Such a request is
 * answered as every anonymous reader is, so the first answer, rendered the normal way, is
 * kept with all its headers (the security headers included) and sent again byte for byte.
 * <p>
 * Kept only what the normal path itself calls public: status 200, {@code Cache-Control:
 * public}, no {@code Set-Cookie}. The paywall's preview is the same for every anonymous reader;
 * an email unlock's full text is marked private by {@link PublicPageCaching} and its browser
 * carries our cookie, so it is neither kept nor sent from here.
 * <p>
 * A successful change sent to the site (a form, an API call) drops every kept page, except
 * the ones listed as a reader's own business (follows, saves, account, billing, sign-up):
 * commentary, the desk, settings and whatever is added later need no event to be seen. The
 * other nodes drop theirs too ({@link ReadersPagesChanged}, a node-wide event).
 */
@Component
class AnonymousPages extends OncePerRequestFilter implements Ordered {

    private static final Pattern PAGES = Pattern.compile(
            "/|/(sections|series|keywords|about)/[^/]+|/articles/[^/]+(/print)?");
    private static final String OUR_COOKIES = "KAWARABAN_";
    /** Changes that alter nothing an anonymous reader sees. */
    private static final List<String> READERS_OWN_CHANGES = List.of("/follows", "/saves", "/api/v1/my/", "/my/account",
            "/login", "/logout", "/signup", "/password/", "/billing/", "/plans/", "/newsletters/", "/my/gifts");
    /** A free member spending the month's paid article (decision 0035) changes only their own page. */
    private static final java.util.regex.Pattern READERS_OWN_UNLOCKS =
            java.util.regex.Pattern.compile("/(articles/[^/]+/allowance|api/v1/articles/[^/]+/unlock)");
    private static final String[] KEY_HEADERS = {"Host", "Forwarded", "X-Forwarded-Host", "X-Forwarded-Proto",
            "X-Forwarded-Port", "X-Forwarded-Prefix"};
    /** Set by the container or by this filter itself when it sends a kept page. */
    private static final List<String> NOT_KEPT = List.of(HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.DATE, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.ETAG);

    private final AnonymousPageCache cache;
    private final PageCacheProperties properties;
    private final ReadCounter reads;
    private final ApplicationEventPublisher events;
    /** Pages sent from memory are counted here: they are sent before requests are timed (RequestObservationOrder). */
    private final Counter fromMemory;

    AnonymousPages(AnonymousPageCache cache, PageCacheProperties properties, ReadCounter reads,
                   ApplicationEventPublisher events, MeterRegistry meters) {
        this.fromMemory = Counter.builder("kawaraban.site.anonymous-pages.from-memory")
                .description("Anonymous readers' pages sent from memory, ahead of the request timing")
                .register(meters);
        this.cache = cache;
        this.properties = properties;
        this.reads = reads;
        this.events = events;
    }

    /** Behind {@link DatabaseOutagePages} (its 503 comes first), in front of the session filter. */
    @Override
    public int getOrder() {
        return SessionRepositoryFilter.DEFAULT_ORDER - 5;
    }

    /**
     * Every request passes here, members' and those answered from memory alike: the one place an
     * article page's reads can be counted for the ranking (decision 0040), after the answer.
     */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        answer(request, response, chain);
        reads.answered(request, response.getStatus());
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!properties.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            try {
                chain.doFilter(request, response);
            } finally {
                if (response.getStatus() < 400 && changesWhatReadersSee(request)) {
                    // Outside any transaction by now: this node drops its pages at once
                    // (AnonymousPageCache), the other nodes are told (decision 0037).
                    events.publishEvent(new ReadersPagesChanged(request.getRequestURI()));
                }
            }
            return;
        }
        if (!anonymousPage(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = key(request);
        if ("HEAD".equals(method)) {
            StoredPage kept = cache.find(key);
            if (kept != null) {
                send(kept, request, response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        switch (cache.lookUp(key)) {
            case Lookup.Send kept -> send(kept.page(), request, response);
            case Lookup.Render rendering -> render(request, response, chain, key, rendering);
            case Lookup.Await other -> {
                StoredPage page = awaited(other);
                if (page != null) {
                    send(page, request, response);
                } else {
                    render(request, response, chain, key, null);
                }
            }
        }
    }

    /** Renders the page the normal way; keeps it when this request was the one to render it. */
    private void render(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String key,
                        Lookup.Render ticket) throws ServletException, IOException {
        ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
        StoredPage page = null;
        try {
            chain.doFilter(request, rendering);
            if (!request.isAsyncStarted() && keepable(rendering)) {
                page = stored(rendering);
                rendering.setHeader(HttpHeaders.ETAG, page.etag());
            }
        } finally {
            if (ticket != null) {
                cache.finish(key, ticket, page);
            }
        }
        rendering.copyBodyToResponse();
    }

    /** The page another request rendered, or {@code null} to render it here after all. */
    private StoredPage awaited(Lookup.Await other) {
        try {
            return other.rendering().get(properties.renderingWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException slowOrFailed) {
            return null;
        }
    }

    private static boolean changesWhatReadersSee(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return READERS_OWN_CHANGES.stream().noneMatch(path::startsWith) && !READERS_OWN_UNLOCKS.matcher(path).matches();
    }

    private static boolean anonymousPage(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader("HX-Request") != null
                || !onlyPageParameter(request.getQueryString())) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().startsWith(OUR_COOKIES)) {
                    return false;
                }
            }
        }
        return PAGES.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    private static boolean onlyPageParameter(String query) {
        return query == null || query.isEmpty() || query.startsWith("page=") && query.indexOf('&') < 0;
    }

    /** The address as the reader asked for it: pages hold absolute links built from the host (also {@link MemberPages}' key). */
    static String key(HttpServletRequest request) {
        StringBuilder key = new StringBuilder(128).append(request.getScheme()).append(' ');
        for (String name : KEY_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                key.append(name).append('=').append(value).append(' ');
            }
        }
        key.append(request.getRequestURI());
        if (request.getQueryString() != null) {
            key.append('?').append(request.getQueryString());
        }
        return key.toString();
    }

    private static boolean keepable(ContentCachingResponseWrapper rendering) {
        String cacheControl = rendering.getHeader(HttpHeaders.CACHE_CONTROL);
        return rendering.getStatus() == HttpServletResponse.SC_OK
                && rendering.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                && cacheControl != null && cacheControl.contains("public")
                && !cacheControl.contains("private") && !cacheControl.contains("no-store")
                && rendering.getContentType() != null && rendering.getContentType().startsWith("text/html");
    }

    private static StoredPage stored(ContentCachingResponseWrapper rendering) {
        List<Header> headers = new ArrayList<>();
        for (String name : rendering.getHeaderNames()) {
            if (NOT_KEPT.stream().noneMatch(name::equalsIgnoreCase)) {
                for (String value : rendering.getHeaders(name)) {
                    headers.add(new Header(name, value));
                }
            }
        }
        byte[] body = rendering.getContentAsByteArray();
        String etag = "\"" + HexFormat.of().formatHex(sha256(body), 0, 16) + "\"";
        return new StoredPage(rendering.getContentType(), rendering.getLocale(), List.copyOf(headers), body, etag);
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    private void send(StoredPage page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        fromMemory.increment();
        response.setContentType(page.contentType());
        response.setLocale(page.locale());
        for (Header header : page.headers()) {
            response.addHeader(header.name(), header.value());
        }
        response.setHeader(HttpHeaders.ETAG, page.etag());
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), page.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentLength(page.body().length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(page.body());
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
