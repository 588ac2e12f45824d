package jp.kawaraban.search.internal;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.platform.FromAnotherNode;
import jp.kawaraban.platform.NodeEventsMissed;
import jp.kawaraban.search.Entities;
import jp.kawaraban.search.EntitiesMerged;
import jp.kawaraban.search.EntityNamesChanged;
import jp.kawaraban.search.SearchHits;
import jp.kawaraban.search.SearchIndex;
import jp.kawaraban.search.SearchQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Brings indexed articles up to date when the entity vocabulary changes: after a merge, the
 * articles indexed with the merged entity are indexed again (they then carry the surviving
 * one, so its page and its search filter find them); after names were added, the newest
 * articles containing them ({@link Entities#REVISITED_ARTICLES} at most); after names were
 * removed, the articles indexed with the entity.
 *
 * <p>Like {@link ArticleIndexer}'s listeners these run after the commit, outside a
 * transaction and under the event publication registry (an unfinished run is replayed at
 * start-up; re-indexing an article twice is harmless).
 */
@Component
class MentionRefresher {

    private static final Logger log = LoggerFactory.getLogger(MentionRefresher.class);
    private static final int PAGE = 100;

    private final SearchIndex index;
    private final Entities entities;
    private final ArticleIndexer indexer;
    private final OtherNodesIndexer otherNodes;

    MentionRefresher(SearchIndex index, Entities entities, ArticleIndexer indexer, OtherNodesIndexer otherNodes) {
        this.index = index;
        this.entities = entities;
        this.indexer = indexer;
        this.otherNodes = otherNodes;
    }

    @Async
    @TransactionalEventListener
    void on(EntitiesMerged merged) {
        refresh(indexedWith(merged.fromId()), "merge of " + merged.fromId() + " into " + merged.intoId());
    }

    @Async
    @TransactionalEventListener
    void on(EntityNamesChanged changed) {
        refresh(concerned(changed), "names of " + changed.entityId());
    }

    /*
     * Another node changed the vocabulary: it has re-indexed the articles concerned in its own
     * index and written the shared rows; this node reads the vocabulary again and re-indexes the
     * same articles in its own index (docs/decisions/0037). With a shared search engine the
     * re-indexing finds nothing to change.
     */

    @EventListener
    void mergedElsewhere(FromAnotherNode<EntitiesMerged> merged) {
        entities.readVocabularyAgain();
        otherNodes.refreshLater(() -> indexedWith(merged.event().fromId()));
    }

    @EventListener
    void renamedElsewhere(FromAnotherNode<EntityNamesChanged> changed) {
        entities.readVocabularyAgain();
        otherNodes.refreshLater(() -> concerned(changed.event()));
    }

    @EventListener
    void mayHaveMissed(NodeEventsMissed missed) {
        entities.readVocabularyAgain();
    }

    private Set<ArticleId> concerned(EntityNamesChanged changed) {
        Set<ArticleId> articles = new LinkedHashSet<>(entities.articlesNaming(changed.addedNames(), Entities.REVISITED_ARTICLES));
        if (!changed.removedNames().isEmpty()) {
            articles.addAll(indexedWith(changed.entityId()));
        }
        return articles;
    }

    private void refresh(Set<ArticleId> articles, String why) {
        int changed = 0;
        for (ArticleId id : articles) {
            if (indexer.refreshMentions(id)) {
                changed++;
            }
        }
        log.info("Entity mentions found again after the {}: {} of {} articles re-indexed", why, changed, articles.size());
    }

    /**
     * Every article the index holds with this entity. Read to the end before any is
     * re-indexed, since re-indexing takes articles out of this very result.
     */
    private Set<ArticleId> indexedWith(String entityId) {
        Set<ArticleId> ids = new LinkedHashSet<>();
        for (int page = 1; ; page++) {
            SearchHits hits = index.search(new SearchQuery("", List.of(), null, null, entityId, null, null,
                    SearchQuery.Order.NEWEST, page, PAGE, EnumSet.allOf(AccessLevel.class)));
            hits.hits().forEach(hit -> ids.add(hit.id()));
            if (hits.hits().size() < PAGE) {
                return ids;
            }
        }
    }
}
