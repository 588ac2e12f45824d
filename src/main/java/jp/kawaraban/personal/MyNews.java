package jp.kawaraban.personal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kawaraban.access.Action;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.personal.internal.FeedRepository;
import jp.kawaraban.personal.internal.PersonalRepository;
import org.springframework.stereotype.Service;

/** A member's feed of articles from everything they follow, newest first, with unread marks. */
@Service
public class MyNews {

    private final FeedRepository feed;
    private final PersonalRepository repository;
    private final ArticleCatalog catalog;
    private final Clock clock;
    private final Entitlements entitlements;
    /** Openings already written: the row exists, writing it again would change nothing. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> marked =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(100_000).build();

    MyNews(FeedRepository feed, PersonalRepository repository, ArticleCatalog catalog, Clock clock,
           Entitlements entitlements) {
        this.entitlements = entitlements;
        this.feed = feed;
        this.repository = repository;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Page {@code number} (1-based) of {@code size} articles. */
    public NewsPage page(MemberId member, int number, int size) {
        entitlements.require(member, Action.FOLLOW); // My News is what following gives
        int page = Math.max(1, number);
        int perPage = Math.max(1, Math.min(100, size));
        List<FeedRepository.Hit> hits = feed.page(member, (long) (page - 1) * perPage, perPage + 1);
        boolean hasNext = hits.size() > perPage;
        hits = hits.subList(0, Math.min(perPage, hits.size()));
        if (hits.isEmpty()) {
            return new NewsPage(List.of(), page, perPage, false);
        }
        Map<String, Follow> follows = new HashMap<>();
        repository.follows(member).forEach(f -> follows.put(f.kind().name() + FeedRepository.SEPARATOR + f.value(), f));
        List<String> ids = hits.stream().map(FeedRepository.Hit::articleId).toList();
        Map<String, ArticleSummary> summaries = new HashMap<>();
        catalog.summaries(ids.stream().map(ArticleId::new).toList()).forEach(s -> summaries.put(s.id().value(), s));
        Set<String> read = repository.readAmong(member, ids);
        List<NewsItem> items = hits.stream().filter(hit -> summaries.containsKey(hit.articleId()))
                .map(hit -> new NewsItem(summaries.get(hit.articleId()),
                        hit.via().stream().map(follows::get).filter(java.util.Objects::nonNull).distinct().toList(),
                        !read.contains(hit.articleId())))
                .toList();
        return new NewsPage(items, page, perPage, hasNext);
    }

    /**
     * The member opened the article: it is no longer marked unread in My News. Only the first
     * opening writes (the row keeps its first time), so the openings this node has written are
     * remembered and a member's every later page of the same article costs no round trip.
     */
    public void markRead(MemberId member, ArticleId article) {
        String key = member.value() + "/" + article.value();
        if (marked.getIfPresent(key) == null) {
            repository.markRead(member, article, clock.instant());
            marked.put(key, Boolean.TRUE);
        }
    }
}
