package jp.kawaraban.search.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Body;
import jp.kawaraban.search.ArticleAnalysed;
import jp.kawaraban.search.Entities;
import jp.kawaraban.search.EntityEvent;
import jp.kawaraban.search.IndexedArticle;
import jp.kawaraban.search.SearchIndex;
import jp.kawaraban.text.DateExpressions;
import jp.kawaraban.text.DateMention;
import jp.kawaraban.text.Keywords;
import jp.kawaraban.text.Mention;
import jp.kawaraban.platform.settings.Setting;
import jp.kawaraban.platform.settings.Settings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the index takes from an article: its analysis (entities, keywords, dated events) and
 * its removal. {@link IndexingQueue} drives it from the article events, in batches; a rebuild
 * ({@code IndexRebuilds}) walks the archive with it.
 *
 * <p>Each time the index takes in an article, {@link ArticleAnalysed} says what was found in it
 * (decision 0008, revised): other modules file the article by that instead of analysing it
 * again. A withdrawal is announced by {@code ArticleWithdrawn} itself.
 */
@Component
public class ArticleIndexer {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final int EXTRACTED_KEYWORDS = 8;

    private final ArticleCatalog catalog;
    private final SearchIndex index;
    private final Entities entities;
    private final EntityRepository repository;
    private final RecommendationLists recommendations;
    private final AnalysisAnnouncer announcer;
    private final Clock clock;
    private final int previewCharacters;
    private final Settings settings;

    ArticleIndexer(ArticleCatalog catalog, SearchIndex index, Entities entities, EntityRepository repository,
                   RecommendationLists recommendations, AnalysisAnnouncer announcer, Clock clock, Settings settings,
                   @Value("${kawaraban.site.preview-characters:200}") int previewCharacters) {
        this.settings = settings;
        this.catalog = catalog;
        this.index = index;
        this.entities = entities;
        this.repository = repository;
        this.recommendations = recommendations;
        this.announcer = announcer;
        this.clock = clock;
        this.previewCharacters = previewCharacters;
    }

    /**
     * Finds the article's entity mentions again, after the vocabulary changed, and re-indexes
     * it when they differ from the indexed ones. Only the article's own recommendation list is
     * computed again (its neighbours' lists name entities by id and stay valid enough). A
     * re-indexed article is announced like any other.
     *
     * @return whether the article was re-indexed
     */
    public boolean refreshMentions(ArticleId id) {
        Instant readAt = clock.instant();
        var article = catalog.find(id.value());
        if (article.isEmpty()) {
            return false;
        }
        Analysed analysed = analyse(article.get(), readAt);
        List<String> indexedEntities = index.find(id).map(IndexedArticle::entityIds).orElse(null);
        if (analysed.indexed().entityIds().equals(indexedEntities)) {
            return false;
        }
        index.index(analysed.indexed());
        repository.replaceEvents(id.value(), analysed.events());
        announcer.announce(analysed.announcement());
        recommendations.compute(analysed.indexed());
        return true;
    }

    /** The article is no longer published: it leaves the index, its timeline events and every list. */
    public void remove(ArticleId id) {
        index.remove(id);
        repository.dropEvents(id.value());
        recommendations.forget(id);
    }

    /**
     * The article's indexed form, its dated events, and the announcement of both once they are
     * stored.
     */
    public record Analysed(IndexedArticle indexed, List<EntityEvent> events, ArticleAnalysed announcement) {
    }

    /**
     * Analyses the article's text ({@link ArticleContent#plainText()}) once for everything the
     * index and the announcement need.
     *
     * @param readAt when the article was read from the catalog
     */
    public Analysed analyse(Article article, Instant readAt) {
        var content = article.content();
        String body = content.body().plainText();
        String all = content.plainText();
        List<Mention> mentions = entities.finder().find(all);
        Set<String> entityIds = new LinkedHashSet<>();
        mentions.forEach(mention -> entityIds.add(mention.entityId()));
        Set<String> keywords = new LinkedHashSet<>(content.keywords());
        // Keyword extraction weighs the headline apart: it takes the rest of the text alone.
        Keywords.extract(content.headline(), content.lead() + "\n" + body, EXTRACTED_KEYWORDS)
                .forEach(keyword -> keywords.add(keyword.term()));
        String preview = Body.plainText(content.body().opening(settings.number(Setting.PREVIEW_CHARACTERS, previewCharacters)));
        IndexedArticle indexed = new IndexedArticle(article.id(), content.headline(), content.lead(), body, preview,
                article.section().code(), content.seriesCode(), content.accessLevel(), article.publishedAt(),
                List.copyOf(entityIds), List.copyOf(keywords), null);
        ArticleAnalysed announcement = new ArticleAnalysed(article.id(), readAt, article.publishedAt(),
                content.seriesCode(), content.keywords(), indexed.entityIds());
        return new Analysed(indexed, events(all, article, mentions), announcement);
    }

    /** Sentences that name an entity and a date become events on that entity's timeline. */
    private static List<EntityEvent> events(String text, Article article, List<Mention> mentions) {
        if (mentions.isEmpty()) {
            // No entity to put a date on: reading the dates (a tenth of an import's CPU, all
            // regular expressions) would find nothing to keep.
            return List.of();
        }
        LocalDate published = article.publishedAt().atZone(JAPAN).toLocalDate();
        List<EntityEvent> events = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (DateMention date : DateExpressions.find(text, published)) {
            String sentence = DateExpressions.sentenceAround(text, date.start(), date.end());
            int sentenceStart = text.indexOf(sentence);
            int sentenceEnd = sentenceStart + sentence.length();
            for (Mention mention : mentions) {
                if (mention.start() >= sentenceStart && mention.end() <= sentenceEnd
                        && seen.add(mention.entityId() + "|" + date.date() + "|" + sentence)) {
                    events.add(new EntityEvent(mention.entityId(), article.id().value(), date.date(), sentence));
                }
            }
        }
        return events;
    }
}
