package jp.kawaraban.site.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gg.jte.Content;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kawaraban.access.GiftCounts;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.site.ArticlePage;
import jp.kawaraban.site.ArticlePageExtension;
import jp.kawaraban.site.ArticlePageParts;
import jp.kawaraban.site.PaidMemberPageParts;
import jp.kawaraban.site.web.AnonymousPageCache.Header;
import jp.kawaraban.site.web.MemberPageTemplates.Template;
import jp.kawaraban.site.web.MemberSnapshots.Snapshot;
import jp.kawaraban.site.web.PartVariants.Pieces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A paid member's article page sent without the session filter, Spring Security, a round trip
 * to PostgreSQL or a full rendering (decision 0042): the page of that article as rendered once
 * for a paid member ({@link MemberPageTemplates}), with this member's parts filled in — follow
 * and save state from the lists {@code personal} keeps per member, the CSRF token of the
 * session masked anew — for a session the normal chain served a moment ago
 * ({@link MemberSnapshots}).
 * <p>
 * Only the common case: a GET of {@code /articles/{id}} without a query, no htmx, no
 * {@code Authorization}, one session cookie and no cookie of ours but it and remember-me, a
 * session known here to be a paid member's with no role but {@code MEMBER}, paid access not past
 * its end by the clock, a page kept for the article. Anything else — and any doubt, any failure
 * before the first byte — goes through the normal chain, which may then fill what was missing.
 * <p>
 * A request of any other method carrying a session cookie (a member's own change: log-out,
 * account, trial, checkout) forgets what is known of that session, before and after it runs.
 */
@Component
class MemberPages extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(MemberPages.class);
    private static final Pattern ARTICLE = Pattern.compile("/articles/([^/]+)");
    private static final String SESSION_COOKIE = "KAWARABAN_SESSION";
    private static final String REMEMBER_COOKIE = "KAWARABAN_REMEMBER";
    private static final String OUR_COOKIES = "KAWARABAN_";
    /** Set by the container or by this filter itself; a session's cookies are never part of a page. */
    private static final List<String> NOT_KEPT = List.of(HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.DATE, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.ETAG,
            HttpHeaders.SET_COOKIE);

    private final MemberPageProperties properties;
    private final PageCacheProperties pageCache;
    private final MemberSnapshots snapshots;
    private final MemberPageTemplates templates;
    private final List<ArticlePageExtension> extensions;
    private final java.time.Clock clock;
    private final GiftOffers giftOffers;
    private final Counter fromMemory;
    private final MaskBytes maskBytes = new MaskBytes();
    /** In the marks around per-member parts: unknown outside this node, so no text can hold a mark. */
    private final String nonce;
    /**
     * The token the per-member parts are rendered with before they are kept, cut out at once and
     * replaced by each reader's own: unknown outside this node, so no text in a part holds it.
     */
    private final String tokenMark;

    MemberPages(MemberPageProperties properties, PageCacheProperties pageCache, MemberSnapshots snapshots,
                MemberPageTemplates templates, ObjectProvider<ArticlePageExtension> extensions, java.time.Clock clock,
                MeterRegistry meters, GiftOffers giftOffers) {
        this.clock = clock;
        this.giftOffers = giftOffers;
        this.fromMemory = Counter.builder("kawaraban.site.member-pages.from-memory")
                .description("Paid members' article pages sent from memory, without the session, security and rendering")
                .register(meters);
        this.properties = properties;
        this.pageCache = pageCache;
        this.snapshots = snapshots;
        this.templates = templates;
        this.extensions = extensions.orderedStream().toList();
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        this.nonce = HexFormat.of().formatHex(bytes);
        this.tokenMark = "kwbtoken" + nonce;
    }

    /** Right behind {@link AnonymousPages}, in front of the session filter. */
    @Override
    public int getOrder() {
        return SessionRepositoryFilter.DEFAULT_ORDER - 4;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!properties.enabled() || !pageCache.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        String cookie = sessionCookie(request);
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            if (cookie != null) {
                snapshots.drop(cookie);
            }
            try {
                chain.doFilter(request, response);
            } finally {
                if (cookie != null) {
                    snapshots.drop(cookie);
                }
            }
            return;
        }
        Matcher article = ARTICLE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (cookie == null || !"GET".equals(method) || !article.matches() || !commonCase(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = AnonymousPages.key(request); // no query here: the article page's address
        Snapshot snapshot = snapshots.find(cookie);
        Template template = templates.find(key);
        if (snapshot != null && template != null && sent(request, response, article.group(1), snapshot, template)) {
            return;
        }
        try {
            capture(request, response, chain, cookie, key, template == null);
        } finally {
            snapshots.renewed(cookie);
            templates.renewed(key);
        }
    }

    /** Renders the page the normal way, noting the session and keeping the page when the reader is a paid member. */
    private void capture(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String cookie,
                         String key, boolean pageMissing) throws ServletException, IOException {
        long snapshotsIn = snapshots.generation();
        long templatesIn = templates.generation();
        MemberPageCapture capture = new MemberPageCapture(nonce);
        request.setAttribute(MemberPageCapture.ATTRIBUTE, capture);
        ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendering);
        if (request.isAsyncStarted() || !capture.isPaidMember()) {
            rendering.copyBodyToResponse();
            return;
        }
        String page = new String(rendering.getContentAsByteArray(), StandardCharsets.UTF_8);
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String masked = token == null ? null : token.getToken();
        MemberPageTemplates.Cut cut = MemberPageTemplates.cut(page, capture, masked, rendering.getContentType(),
                rendering.getLocale(), headers(rendering));
        if (cut == null) {
            // Marks not as written: nothing kept, and the reader gets the page without them.
            log.warn("A paid member's page of {} was not kept: its marks were not found in order", key);
            cut = new MemberPageTemplates.Cut(null, page.replaceAll("<!--kwb-" + nonce + "-[se][0-9]+-->", ""));
        }
        boolean keepable = cut.template() != null && masked != null && rendering.getStatus() == HttpServletResponse.SC_OK
                && rendering.getHeaders(HttpHeaders.SET_COOKIE).isEmpty() && privateAnswer(rendering)
                && sameSession(cookie, capture.sessionId());
        if (keepable) {
            String raw = unmask(masked);
            if (raw != null) {
                Instant now = clock.instant();
                Instant trustedUntil = now.plus(properties.maxAge());
                if (capture.sessionExpires().isBefore(trustedUntil)) {
                    trustedUntil = capture.sessionExpires();
                }
                snapshots.keep(cookie, snapshotsIn, new Snapshot(capture.member(), capture.paidUntil(), raw,
                        token.getHeaderName(), token.getParameterName(), trustedUntil,
                        now.plus(properties.maxAge().multipliedBy(5).dividedBy(6))));
                if (pageMissing) {
                    templates.keep(key, templatesIn, cut.template());
                }
            }
        }
        // The wrapper holds the body and its length; its headers and status are the response's already.
        byte[] body = cut.plainPage().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * Sends the kept page with this member's parts; false, having sent nothing, when a part cannot
     * be made as the page expects (the normal chain then answers).
     */
    private boolean sent(HttpServletRequest request, HttpServletResponse response, String articleId,
                         Snapshot snapshot, Template template) throws IOException {
        Map<String, Pieces> parts;
        try {
            parts = partsFor(template, snapshot);
        } catch (RuntimeException unusual) {
            log.debug("Member page of {} left to the normal chain", articleId, unusual);
            return false;
        }
        List<byte[]> literals = template.literals();
        List<String> places = template.places();
        byte[] token = mask(snapshot.rawCsrf()).getBytes(StandardCharsets.ISO_8859_1); // Base64url: ASCII
        int length = 0;
        int filled = 0;
        for (int i = 0; i < places.size(); i++) {
            length += literals.get(i).length;
            String place = places.get(i);
            if (MemberPageTemplates.TOKEN.equals(place)) {
                length += token.length;
            } else {
                Pieces part = parts.get(place);
                if (part == null) {
                    return false;
                }
                length += part.length(token.length);
                filled++;
            }
        }
        if (filled != parts.size()) {
            return false; // a part the page has no place for: the page was made for another shape
        }
        length += literals.getLast().length;
        response.setContentType(template.contentType());
        response.setLocale(template.locale());
        for (Header header : template.headers()) {
            response.addHeader(header.name(), header.value());
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store, private");
        response.setContentLength(length);
        OutputStream body = response.getOutputStream();
        for (int i = 0; i < places.size(); i++) {
            body.write(literals.get(i));
            String place = places.get(i);
            if (MemberPageTemplates.TOKEN.equals(place)) {
                body.write(token);
            } else {
                parts.get(place).writeTo(body, token);
            }
        }
        body.write(literals.getLast());
        fromMemory.increment();
        return true;
    }

    /**
     * Every paid member's part of the page for this member, by the place it fills: the state each
     * part depends on is read per request (follows and saves, gift counts: kept in memory by their
     * modules), and the part in that state taken as bytes from the page's variants, rendered only
     * the first time a state is seen.
     */
    private Map<String, Pieces> partsFor(Template template, Snapshot snapshot) {
        ArticlePage page = template.page();
        MemberId member = snapshot.member();
        CsrfToken tokenMark = new DefaultCsrfToken(snapshot.csrfHeader(), snapshot.csrfParameter(), this.tokenMark);
        Map<String, Pieces> parts = new HashMap<>(8);
        for (int i = 0; i < extensions.size(); i++) {
            if (extensions.get(i) instanceof PaidMemberPageParts personal) {
                Object state = personal.paidMemberState(page, member);
                String module = i + "/";
                parts.putAll(template.variants().get(module, state,
                        () -> rendered(module, personal.partsForPaidMember(page, state, tokenMark))));
            }
        }
        if (GiftOffers.offeredOn(page.article())) {
            GiftCounts counts = giftOffers.counts(member, page.article());
            parts.putAll(template.variants().get(GiftOffers.PLACE, counts, () -> Map.of(GiftOffers.PLACE,
                    Pieces.of(html(giftOffers.offer(counts, page.article(), tokenMark)), this.tokenMark))));
        }
        return parts;
    }

    /** The parts rendered with the stand-in token, each cut at it, by place. */
    private Map<String, Pieces> rendered(String module, ArticlePageParts parts) {
        Map<String, Pieces> rendered = new HashMap<>();
        for (Map.Entry<String, Content> part : parts.byPlace().entrySet()) {
            rendered.put(module + part.getKey(), Pieces.of(html(part.getValue()), tokenMark));
        }
        return rendered;
    }

    private static String html(Content content) {
        StringOutput output = new StringOutput();
        content.writeTo(new OwaspHtmlTemplateOutput(output));
        return output.toString();
    }

    /** The session cookie's value when it is the only one and no other cookie of ours may change the page. */
    private static String sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        String session = null;
        for (Cookie cookie : cookies) {
            if (SESSION_COOKIE.equals(cookie.getName())) {
                if (session != null) {
                    return null;
                }
                session = cookie.getValue();
            } else if (cookie.getName().startsWith(OUR_COOKIES) && !REMEMBER_COOKIE.equals(cookie.getName())) {
                return null; // an email unlock, or a cookie added later: the normal chain knows what it means
            }
        }
        return session == null || session.isEmpty() ? null : session;
    }

    private static boolean commonCase(HttpServletRequest request) {
        return request.getQueryString() == null && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getHeader("HX-Request") == null;
    }

    /** Spring Session writes the id Base64-encoded into the cookie: the page is kept only for the session it was made in. */
    private static boolean sameSession(String cookie, String sessionId) {
        try {
            return sessionId != null && sessionId.equals(new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static boolean privateAnswer(ContentCachingResponseWrapper rendering) {
        String cacheControl = rendering.getHeader(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.contains("no-store")
                && rendering.getContentType() != null && rendering.getContentType().startsWith("text/html");
    }

    private static List<Header> headers(ContentCachingResponseWrapper rendering) {
        List<Header> headers = new ArrayList<>();
        for (String name : rendering.getHeaderNames()) {
            if (NOT_KEPT.stream().noneMatch(name::equalsIgnoreCase) && !HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                for (String value : rendering.getHeaders(name)) {
                    headers.add(new Header(name, value));
                }
            }
        }
        return headers;
    }

    /*
     * Spring Security sends the session's token masked with fresh random bytes on every page (its
     * XorCsrfTokenRequestAttributeHandler, against BREACH): Base64url(random || random XOR token).
     * The fast path does the same, so its pages carry a token the normal chain accepts and no two
     * pages carry the same one.
     */

    private String mask(String raw) {
        byte[] token = raw.getBytes(StandardCharsets.UTF_8);
        byte[] combined = new byte[token.length * 2];
        byte[] mask = new byte[token.length];
        maskBytes.next(mask);
        System.arraycopy(mask, 0, combined, 0, mask.length);
        for (int i = 0; i < token.length; i++) {
            combined[token.length + i] = (byte) (mask[i] ^ token[i]);
        }
        return Base64.getUrlEncoder().encodeToString(combined);
    }

    /** The token a masked one stands for, or null when it is not one. */
    static String unmask(String masked) {
        try {
            byte[] combined = Base64.getUrlDecoder().decode(masked);
            if (combined.length == 0 || combined.length % 2 != 0) {
                return null;
            }
            int length = combined.length / 2;
            byte[] token = new byte[length];
            for (int i = 0; i < length; i++) {
                token[i] = (byte) (combined[i] ^ combined[length + i]);
            }
            return new String(token, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notMasked) {
            return null;
        }
    }
}
