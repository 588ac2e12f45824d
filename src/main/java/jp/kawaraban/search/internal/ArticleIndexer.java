package jp.kawaraban.search.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticlePublished;
import jp.kawaraban.article.ArticleUpdated;
import jp.kawaraban.article.ArticleWithdrawn;
import jp.kawaraban.article.KeywordRenamed;
import jp.kawaraban.article.Body;
import jp.kawaraban.search.Entities;
import jp.kawaraban.search.EntityEvent;
import jp.kawaraban.search.IndexedArticle;
import jp.kawaraban.search.SearchIndex;
import jp.kawaraban.text.DateExpressions;
import jp.kawaraban.text.DateMention;
import jp.kawaraban.text.Keywords;
import jp.kawaraban.text.Mention;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index in step with the articles. Listens to the article events after their
 * transaction commits; the event publication registry keeps each event until the listener
 * has finished, and replays unfinished ones at start-up, so no article is missed.
 *
 * <p>The listeners run outside a transaction (unlike {@code @ApplicationModuleListener}):
 * indexing queries the index many times to refresh recommendation lists, and each SQL write
 * here is short and stands alone, so holding a connection and locks throughout only made
 * concurrent indexings wait for each other.
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
    private final int previewCharacters;

    ArticleIndexer(ArticleCatalog catalog, SearchIndex index, Entities entities, EntityRepository repository,
                   RecommendationLists recommendations,
                   @Value("${kawaraban.site.preview-characters:200}") int previewCharacters) {
        this.catalog = catalog;
        this.index = index;
        this.entities = entities;
        this.repository = repository;
        this.recommendations = recommendations;
        this.previewCharacters = previewCharacters;
    }

    @Async
    @TransactionalEventListener
    void on(ArticlePublished published) {
        reindex(published.articleId());
    }

    @Async
    @TransactionalEventListener
    void on(ArticleUpdated updated) {
        reindex(updated.articleId());
    }

    @Async
    @TransactionalEventListener
    void on(ArticleWithdrawn withdrawn) {
        remove(withdrawn.articleId());
    }

    /** A renamed keyword: the published articles that carried it are indexed with the new one. */
    @Async
    @TransactionalEventListener
    void on(KeywordRenamed renamed) {
        renamed.published().forEach(this::reindex);
    }

    /**
     * Indexes the article as it is now, or removes it when it is no longer published; then
     * brings the recommendation lists around it up to date.
     */
    public void reindex(ArticleId id) {
        catalog.find(id.value()).ifPresentOrElse(article -> {
            Analysed analysed = analyse(article);
            index.index(analysed.indexed());
            repository.replaceEvents(id.value(), analysed.events());
            recommendations.refreshAround(analysed.indexed());
        }, () -> remove(id));
    }

    /**
     * Finds the article's entity mentions again, after the vocabulary changed, and re-indexes
     * it when they differ from the indexed ones. Only the article's own recommendation list is
     * computed again (its neighbours' lists name entities by id and stay valid enough).
     *
     * @return whether the article was re-indexed
     */
    public boolean refreshMentions(ArticleId id) {
        var article = catalog.find(id.value());
        if (article.isEmpty()) {
            return false;
        }
        Analysed analysed = analyse(article.get());
        List<String> indexedEntities = index.find(id).map(IndexedArticle::entityIds).orElse(null);
        if (analysed.indexed().entityIds().equals(indexedEntities)) {
            return false;
        }
        index.index(analysed.indexed());
        repository.replaceEvents(id.value(), analysed.events());
        recommendations.compute(analysed.indexed());
        return true;
    }

    private void remove(ArticleId id) {
        index.remove(id);
        repository.dropEvents(id.value());
        recommendations.forget(id);
    }

    /** The article's indexed form and its dated events. */
    public record Analysed(IndexedArticle indexed, List<EntityEvent> events) {
    }

    public Analysed analyse(Article article) {
        var content = article.content();
        String body = content.body().plainText();
        String all = content.headline() + "\n" + content.lead() + "\n" + body;
        List<Mention> mentions = entities.finder().find(all);
        Set<String> entityIds = new LinkedHashSet<>();
        mentions.forEach(mention -> entityIds.add(mention.entityId()));
        Set<String> keywords = new LinkedHashSet<>(content.keywords());
        Keywords.extract(content.headline(), content.lead() + "\n" + body, EXTRACTED_KEYWORDS)
                .forEach(keyword -> keywords.add(keyword.term()));
        String preview = new Body(content.body().opening(previewCharacters)).plainText();
        IndexedArticle indexed = new IndexedArticle(article.id(), content.headline(), content.lead(), body, preview,
                article.section().code(), content.seriesCode(), content.accessLevel(), article.publishedAt(),
                List.copyOf(entityIds), List.copyOf(keywords), null);
        return new Analysed(indexed, events(all, article, mentions));
    }

    /** Sentences that name an entity and a date become events on that entity's timeline. */
    private static List<EntityEvent> events(String text, Article article, List<Mention> mentions) {
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
