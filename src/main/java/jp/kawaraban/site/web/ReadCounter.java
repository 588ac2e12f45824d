package jp.kawaraban.site.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.MostRead;
import org.springframework.stereotype.Component;

/**
 * Decides which article page views are reads for the most-read ranking (decision 0040), without
 * cookies and without keeping anything about the reader: a GET of {@code /articles/<id>} that was
 * answered 200, not from a bot (by its User-Agent), not a prefetch, and not the same client (address
 * and User-Agent) reading the same article again within 30 minutes. "The same client" is
 * remembered only as a salted hash, in memory, for those 30 minutes; the salt is made at start and
 * never leaves the process, so the hashes cannot be matched to an address afterwards.
 * <p>
 * Called by {@link AnonymousPages} for every request it sees, pages sent from memory included, so
 * a read served by the page cache counts like any other.
 */
@Component
class ReadCounter {

    private static final Pattern ARTICLE_PAGE = Pattern.compile("/articles/([a-z0-9]{12})");
    /** Crawlers, link previews, monitors and scripts name themselves; real browsers send a long Mozilla string. */
    private static final Pattern NOT_A_READER = Pattern.compile(
            "bot|crawl|spider|slurp|archiver|fetch|scrap|preview|monitor|check|scan|probe|headless|phantom|lighthouse"
                    + "|curl|wget|python|java|go-http|okhttp|httpclient|axios|node|ruby|perl|php|libwww|feed|facebookexternalhit"
                    + "|embedly|whatsapp|telegram|discord|slack|line-poker",
            Pattern.CASE_INSENSITIVE);
    private static final Duration SAME_READER_WINDOW = Duration.ofMinutes(30);
    /**
     * About 13 MB of heap when full (a 64-bit hash and Caffeine's entry). Past this many distinct
     * (client, article) pairs in 30 minutes the oldest are forgotten early, and such a client's
     * re-read may count again: a bound on memory matters more than that.
     */
    private static final int REMEMBERED_READS = 200_000;

    private final MostRead mostRead;
    private final byte[] salt = new byte[16];
    private final Cache<Long, Boolean> recentReads = Caffeine.newBuilder()
            .expireAfterWrite(SAME_READER_WINDOW).maximumSize(REMEMBERED_READS).build();
    /**
     * The verdict on each User-Agent seen, so the pattern above runs once per browser version
     * rather than on every view: run on each request it cost a quarter of the article page's
     * speed from memory (docs/benchmarks.md, run 9). Bounded: a client sending made-up agents
     * only pushes others out.
     */
    private final Cache<String, Boolean> readers = Caffeine.newBuilder().maximumSize(10_000).build();
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(ReadCounter::newDigest);

    ReadCounter(MostRead mostRead) {
        this.mostRead = mostRead;
        new SecureRandom().nextBytes(salt);
    }

    /** Counts the request as a read of its article when it is one; cheap when it is not. */
    void answered(HttpServletRequest request, int status) {
        if (status != 200 || !"GET".equals(request.getMethod()) || !mostRead.enabled()) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        var article = ARTICLE_PAGE.matcher(path);
        if (!article.matches()) {
            return;
        }
        String agent = request.getHeader("User-Agent");
        if (agent == null || !readers.get(agent, ReadCounter::aReadersAgent) || prefetch(request)) {
            return;
        }
        String id = article.group(1);
        if (recentReads.asMap().putIfAbsent(clientKey(request.getRemoteAddr(), agent, id), Boolean.TRUE) == null) {
            mostRead.read(new ArticleId(id));
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

    /** 64 bits of a salted SHA-256: collisions (two readers taken for one) are too rare to matter. */
    private long clientKey(String address, String agent, String article) {
        MessageDigest digest = sha256.get();
        digest.reset();
        digest.update(salt);
        digest.update((address + '\n' + agent + '\n' + article).getBytes(StandardCharsets.UTF_8));
        return java.nio.ByteBuffer.wrap(digest.digest()).getLong();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
