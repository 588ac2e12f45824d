package jp.kawaraban.site.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jp.kawaraban.site.ArticlePage;
import jp.kawaraban.site.web.AnonymousPageCache.Header;
import org.springframework.stereotype.Component;

/**
 * The paid members' article page, one per article (and address, as the anonymous pages), as the
 * normal chain rendered it for one paid member, with the parts that differ between paid members
 * cut out: each {@link jp.kawaraban.site.PaidMemberPageParts} part becomes a place to fill, each
 * occurrence of the CSRF token a place for the reader's own. {@link MemberPages} fills them per
 * request.
 * <p>
 * Dropped with the anonymous pages ({@link AnonymousPageCache#dropAll}): the article events,
 * administrators' changes, the desk's writes, the page cache's maximum age. The same generation
 * rule: a page whose rendering began before a drop is not kept.
 */
@Component
class MemberPageTemplates {

    /** The place of the CSRF token (the parts' places all hold a '/'). */
    static final String TOKEN = "csrf";

    /**
     * A page with places: literal bytes, then a place, and so on, ending with a literal;
     * {@link #TOKEN} is the CSRF token's.
     *
     * @param page     the article as every paid member's parts are made for it
     * @param variants the per-member parts rendered so far for this page, by their state
     */
    record Template(String contentType, Locale locale, List<Header> headers, ArticlePage page, List<byte[]> literals,
                    List<String> places, PartVariants variants) {

        int weight() {
            int weight = 64 + PartVariants.MAX_BYTES;
            for (byte[] literal : literals) {
                weight += literal.length;
            }
            for (Header header : headers) {
                weight += (header.name().length() + header.value().length()) * 2;
            }
            return weight;
        }
    }

    private final Cache<String, Kept> kept;
    private final java.util.Set<String> renewing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final long maxAgeNanos;

    private record Kept(Template template, long keptAtNanos) {
    }
    private final AtomicLong generation = new AtomicLong();
    private final Object drops = new Object();

    MemberPageTemplates(MemberPageProperties members, PageCacheProperties pages) {
        this.maxAgeNanos = pages.maxAge().toNanos();
        this.kept = Caffeine.newBuilder()
                .maximumWeight(members.maxBytes().toBytes())
                .weigher((String key, Kept page) -> page.template().weight() + key.length() * 2)
                // As the anonymous pages: past the maximum age a page is sent while one request renders
                // it again; past twice that it goes.
                .expireAfterWrite(pages.maxAge().multipliedBy(2))
                .build();
    }

    /** The kept page, or null: none, or past its maximum age and this request is the one to render it again. */
    Template find(String key) {
        Kept page = kept.getIfPresent(key);
        if (page == null) {
            return null;
        }
        return System.nanoTime() - page.keptAtNanos() > maxAgeNanos && renewing.add(key) ? null : page.template();
    }

    /** The request that was to render the page again is over. */
    void renewed(String key) {
        renewing.remove(key);
    }

    long generation() {
        return generation.get();
    }

    /** Keeps the page unless something was dropped since its rendering began ({@code renderedIn}). */
    void keep(String key, long renderedIn, Template template) {
        synchronized (drops) {
            if (generation.get() == renderedIn) {
                kept.put(key, new Kept(template, System.nanoTime()));
            }
        }
    }

    void dropAll() {
        synchronized (drops) {
            generation.incrementAndGet();
            kept.invalidateAll();
        }
    }

    /**
     * Cuts a page rendered with {@link MemberPageCapture}'s marks into a template: what lies
     * between a part's marks becomes its place, and every occurrence of the page's CSRF token
     * outside them a token place. Also gives the page as the reader who caused the rendering gets
     * it: the same without the marks.
     *
     * @return null when the marks are not as written (then nothing is kept, and the page is sent as rendered)
     */
    static Cut cut(String page, MemberPageCapture capture, String csrfToken, String contentType, Locale locale,
                   List<Header> headers) {
        List<byte[]> literals = new ArrayList<>();
        List<String> places = new ArrayList<>();
        StringBuilder plain = new StringBuilder(page.length());
        int at = 0;
        while (true) {
            int start = page.indexOf(capture.startMark(), at);
            String literal = page.substring(at, start < 0 ? page.length() : start);
            plain.append(literal);
            splitAtToken(literal, csrfToken, literals, places);
            if (start < 0) {
                break;
            }
            int nameFrom = start + capture.startMark().length();
            int nameTo = page.indexOf(MemberPageCapture.MARK_CLOSE, nameFrom);
            if (nameTo < 0) {
                return null;
            }
            int index = Integer.parseInt(page.substring(nameFrom, nameTo));
            String end = capture.endMark(index);
            int contentFrom = nameTo + MemberPageCapture.MARK_CLOSE.length();
            int endAt = page.indexOf(end, contentFrom);
            if (endAt < 0 || index >= capture.places().size()) {
                return null;
            }
            plain.append(page, contentFrom, endAt);
            places.add(capture.places().get(index));
            at = endAt + end.length();
        }
        if (places.stream().allMatch(TOKEN::equals)) {
            return new Cut(null, plain.toString()); // no part was marked: not the page of a paid member
        }
        return new Cut(new Template(contentType, locale, List.copyOf(headers), capture.page(), List.copyOf(literals),
                List.copyOf(places), new PartVariants()), plain.toString());
    }

    /** Adds {@code literal} as literals separated by token places; always ends with a literal. */
    private static void splitAtToken(String literal, String csrfToken, List<byte[]> literals, List<String> places) {
        int at = 0;
        while (csrfToken != null) {
            int found = literal.indexOf(csrfToken, at);
            if (found < 0) {
                break;
            }
            append(literals, places, literal.substring(at, found));
            places.add(TOKEN);
            at = found + csrfToken.length();
        }
        append(literals, places, literal.substring(at));
    }

    /** Literals and places alternate: a literal follows every place, two literals in a row are joined. */
    private static void append(List<byte[]> literals, List<String> places, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (literals.size() > places.size()) {
            byte[] last = literals.removeLast();
            byte[] joined = new byte[last.length + bytes.length];
            System.arraycopy(last, 0, joined, 0, last.length);
            System.arraycopy(bytes, 0, joined, last.length, bytes.length);
            literals.add(joined);
        } else {
            literals.add(bytes);
        }
    }

    /** @param template null when nothing may be kept */
    record Cut(Template template, String plainPage) {
    }
}
