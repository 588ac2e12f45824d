package jp.kawaraban.site.web;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.MostRead;
import org.springframework.stereotype.Component;

/**
 * Decides which article page views are reads for the most-read ranking (decision 0040), without
 * cookies and without keeping anything about the reader: a GET of {@code /articles/<id>} that was
 * answered 200, not from a bot (by its User-Agent), not a prefetch, and not the same client (address
 * and User-Agent) reading the same article again within 30 minutes. "The same client" is
 * remembered only as a keyed hash, in memory, for those 30 minutes; the key is made at start and
 * never leaves the process, so the hashes cannot be matched to an address afterwards.
 * <p>
 * Called by {@link AnonymousPages} for every request it sees, pages sent from memory included, so
 * a read served by the page cache counts like any other.
 */
@Component
class ReadCounter {

    private static final String ARTICLES = "/articles/";
    private static final int ARTICLE_ID_LENGTH = 12;
    /** Crawlers, link previews, monitors and scripts name themselves; real browsers send a long Mozilla string. */
    private static final Pattern NOT_A_READER = Pattern.compile(
            "bot|crawl|spider|slurp|archiver|fetch|scrap|preview|monitor|check|scan|probe|headless|phantom|lighthouse"
                    + "|curl|wget|python|java|go-http|okhttp|httpclient|axios|node|ruby|perl|php|libwww|feed|facebookexternalhit"
                    + "|embedly|whatsapp|telegram|discord|slack|line-poker",
            Pattern.CASE_INSENSITIVE);
    private static final Duration SAME_READER_WINDOW = Duration.ofMinutes(30);
    /**
     * Slots of the table of recent reads: 2 MiB, allocated once. A read takes the slot its hash
     * names; a different (client, article) landing on the same slot pushes the older one out, and
     * that client's re-read may then count again: a bound on memory and on garbage matters more.
     */
    private static final int SLOTS = 1 << 18;
    private static final int MINUTE_BITS = 20;
    private static final long MINUTE_MASK = (1L << MINUTE_BITS) - 1;

    /** Most User-Agents a node keeps its verdict on; past that it forgets them all and starts again. */
    private static final int AGENTS_KEPT = 10_000;

    private final MostRead mostRead;
    /**
     * Keyed with random bits made at start that never leave the process, so the hashes in the
     * table cannot be matched to an address afterwards, and a client cannot pick inputs that push
     * a given reader out (decision 0045: SipHash, not SHA-256; nothing is stored or compared across nodes).
     */
    private final KeyedHash clientHash = new KeyedHash();
    /**
     * Each slot holds a read's hash (its high bits) and the minute it was counted (the low 20).
     * A table of longs rather than a cache of entries: counting every new reader into a cache made
     * an object per view that lived 30 minutes, and the garbage showed in the article page's p99.
     */
    private final AtomicLongArray recentReads = new AtomicLongArray(SLOTS);
    private final long startedNanos = System.nanoTime();
    /**
     * The verdict on each User-Agent seen, so the pattern above runs once per browser version
     * rather than on every view: run on each request it cost a quarter of the article page's
     * speed from memory (docs/benchmarks.md, run 9). A plain concurrent map read (a Caffeine cache
     * costs a read-buffer write per look-up); bounded by forgetting all verdicts when full: a
     * client sending made-up agents only makes the pattern run again.
     */
    private final ConcurrentHashMap<String, Boolean> readers = new ConcurrentHashMap<>();

    ReadCounter(MostRead mostRead) {
        this.mostRead = mostRead;
    }

    /** Counts the request as a read of its article when it is one; cheap when it is not. */
    void answered(HttpServletRequest request, int status) {
        if (status != 200 || !"GET".equals(request.getMethod()) || !mostRead.enabled()) {
            return;
        }
        String id = articleId(request.getRequestURI(), request.getContextPath().length());
        if (id == null) {
            return;
        }
        String agent = request.getHeader("User-Agent");
        if (agent == null || !aReader(agent) || prefetch(request)) {
            return;
        }
        if (firstReadInWindow(clientHash.hash(request.getRemoteAddr(), agent, id))) {
            mostRead.read(new ArticleId(id));
        }
    }

    /** The id in {@code /articles/<id>} after the context path, or null: no pattern, nothing made for other paths. */
    static String articleId(String uri, int from) {
        int idFrom = from + ARTICLES.length();
        if (uri.length() != idFrom + ARTICLE_ID_LENGTH || !uri.startsWith(ARTICLES, from)) {
            return null;
        }
        String id = uri.substring(idFrom);
        return ArticleId.isWellFormed(id) ? id : null;
    }

    private boolean aReader(String agent) {
        Boolean known = readers.get(agent);
        if (known != null) {
            return known;
        }
        boolean reader = aReadersAgent(agent);
        if (readers.size() >= AGENTS_KEPT) {
            readers.clear();
        }
        readers.put(agent, reader);
        return reader;
    }

    /** Notes the read; false when the same hash was counted in the last 30 minutes. */
    private boolean firstReadInWindow(long key) {
        int slot = (int) (key & (SLOTS - 1));
        long tag = key >>> MINUTE_BITS;
        long minute = 1 + (System.nanoTime() - startedNanos) / 60_000_000_000L;
        long counted = (tag << MINUTE_BITS) | (minute & MINUTE_MASK);
        while (true) {
            long held = recentReads.get(slot);
            boolean sameRead = held != 0 && (held >>> MINUTE_BITS) == tag;
            if (sameRead && ((minute - (held & MINUTE_MASK)) & MINUTE_MASK) < SAME_READER_WINDOW.toMinutes()) {
                return false;
            }
            if (recentReads.compareAndSet(slot, held, counted)) {
                return true;
            }
        }
    }

    private static boolean aReadersAgent(String agent) {
        return agent.length() >= 20 && !NOT_A_READER.matcher(agent).find();
    }

    private static boolean prefetch(HttpServletRequest request) {
        String purpose = request.getHeader("Sec-Purpose");
        if (purpose == null) {
            purpose = request.getHeader("Purpose");
        }
        return purpose != null && purpose.contains("prefetch");
    }
}
