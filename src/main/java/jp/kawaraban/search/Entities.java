package jp.kawaraban.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.search.EntityChangeRefusedException.Reason;
import jp.kawaraban.search.internal.EntityRepository;
import jp.kawaraban.text.Entity;
import jp.kawaraban.text.Mention;
import jp.kawaraban.text.MentionFinder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The entity vocabulary (people, organisations, places, with aliases) and the mention
 * finder built from it.
 *
 * <p>Changes from the editors' desk ({@link #create}, {@link #update}, {@link #merge}) keep
 * the vocabulary consistent — no name belongs to two entities — and announce themselves
 * ({@link EntityNamesChanged}, {@link EntitiesMerged}) so that the index and other modules
 * revisit the articles concerned. {@link #save} is the quiet upsert for loaders (the demo
 * vocabulary), whose articles are indexed after them anyway.
 */
@Service
public class Entities {

    /**
     * How many of the newest published articles naming a newly added name are revisited by
     * listeners of {@link EntityNamesChanged}; older ones are reached by an index rebuild.
     */
    public static final int REVISITED_ARTICLES = 500;
    private static final int PAGE = 100;

    private final EntityRepository repository;
    private final SearchIndex index;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicReference<MentionFinder> finder = new AtomicReference<>();

    Entities(EntityRepository repository, SearchIndex index, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.index = index;
        this.events = events;
        this.clock = clock;
    }

    public List<Entity> all() {
        return repository.all();
    }

    public Optional<Entity> find(String id) {
        return id == null ? Optional.empty() : repository.find(id);
    }

    /** The entity an id was merged into, if it was (the id itself no longer exists then). */
    public Optional<String> mergedInto(String id) {
        return id == null ? Optional.empty() : repository.mergedInto(id);
    }

    /** Adds or replaces an entity without announcing it: for loaders, not for the desk. */
    @Transactional
    public void save(Entity entity) {
        repository.save(entity, clock.instant());
        forgetFinder();
    }

    /**
     * Adds an entity from the desk. Articles already published that name it are revisited.
     *
     * @throws EntityChangeRefusedException {@code ID_TAKEN}, {@code NAME_TAKEN}
     */
    @Transactional
    public Entity create(Entity entity) {
        repository.lockVocabulary();
        repository.find(entity.id()).ifPresent(existing -> {
            throw new EntityChangeRefusedException(Reason.ID_TAKEN, entity.id(), null, existing);
        });
        requireNamesFree(entity);
        repository.forgetMerge(entity.id());
        repository.save(entity, clock.instant());
        forgetFinder();
        events.publishEvent(new EntityNamesChanged(entity.id(), entity.canonicalName(), entity.names(), List.of()));
        return entity;
    }

    /**
     * Changes an entity's name, kind, aliases or description (its id stays). When names were
     * added or removed, the articles concerned are revisited.
     *
     * @return the entity as it was before
     * @throws EntityChangeRefusedException {@code UNKNOWN}, {@code NAME_TAKEN}
     */
    @Transactional
    public Entity update(Entity entity) {
        repository.lockVocabulary();
        Entity before = repository.find(entity.id())
                .orElseThrow(() -> new EntityChangeRefusedException(Reason.UNKNOWN, entity.id(), null, null));
        requireNamesFree(entity);
        repository.save(entity, clock.instant());
        forgetFinder();
        List<String> added = entity.names().stream().filter(name -> !before.names().contains(name)).toList();
        List<String> removed = before.names().stream().filter(name -> !entity.names().contains(name)).toList();
        if (!added.isEmpty() || !removed.isEmpty()) {
            events.publishEvent(new EntityNamesChanged(entity.id(), entity.canonicalName(), added, removed));
        }
        return before;
    }

    /**
     * Merges {@code fromId} into {@code intoId}, in one transaction: {@code intoId} gains
     * {@code fromId}'s canonical name and aliases as aliases, and its timeline events;
     * {@code fromId} is deleted and from now on redirects ({@link #mergedInto}). Announced
     * with {@link EntitiesMerged}, on which the index re-indexes the articles that mentioned
     * {@code fromId} and {@code personal} moves follows and tags.
     *
     * @return the merged entity
     * @throws EntityChangeRefusedException {@code UNKNOWN} (either id), {@code SAME_ENTITY}
     */
    @Transactional
    public Entity merge(String fromId, String intoId) {
        if (fromId != null && fromId.equals(intoId)) {
            throw new EntityChangeRefusedException(Reason.SAME_ENTITY, fromId, null, null);
        }
        repository.lockVocabulary();
        Entity from = repository.find(fromId)
                .orElseThrow(() -> new EntityChangeRefusedException(Reason.UNKNOWN, fromId, null, null));
        Entity into = repository.find(intoId)
                .orElseThrow(() -> new EntityChangeRefusedException(Reason.UNKNOWN, intoId, null, null));
        List<String> aliases = new ArrayList<>(into.aliases());
        aliases.addAll(from.names());
        String description = into.description().isBlank() ? from.description() : into.description();
        Entity merged = new Entity(into.id(), into.canonicalName(), into.kind(), aliases, description);
        Instant now = clock.instant();
        repository.save(merged, now);
        repository.moveEvents(fromId, intoId);
        repository.recordMerge(fromId, intoId, now);
        repository.delete(fromId); // its remaining events (duplicates of into's) go with it
        forgetFinder();
        events.publishEvent(new EntitiesMerged(fromId, intoId, now));
        return merged;
    }

    /**
     * Published articles whose text contains one of {@code names} (as search matches words,
     * spelling variants folded), newest first, at most {@code limit}. Candidates only: whether
     * a name is really mentioned there is for the {@link #finder()} to say.
     */
    public List<ArticleId> articlesNaming(Collection<String> names, int limit) {
        Set<ArticleId> found = new LinkedHashSet<>();
        for (String name : names) {
            for (int page = 1; found.size() < limit; page++) {
                SearchHits hits = index.search(new SearchQuery(name, List.of(), null, null, null, null, null,
                        SearchQuery.Order.NEWEST, page, PAGE, EnumSet.allOf(AccessLevel.class)));
                if (hits.partial()) {
                    break; // no article has every word of the name
                }
                hits.hits().forEach(hit -> found.add(hit.id()));
                if (hits.hits().size() < PAGE) {
                    break;
                }
            }
        }
        return found.stream().limit(limit).toList();
    }

    /**
     * Another node changed the vocabulary (or this node may have missed that it did): the
     * finder is read from the database again at its next use.
     */
    public void readVocabularyAgain() {
        finder.set(null);
    }

    /** Finds mentions of every entity, by any alias or spelling variant. */
    public MentionFinder finder() {
        MentionFinder current = finder.get();
        if (current == null) {
            current = new MentionFinder(repository.all());
            finder.compareAndSet(null, current);
        }
        return current;
    }

    public List<EntityEvent> timeline(String entityId, int limit) {
        return repository.timeline(entityId, limit);
    }

    /**
     * Refuses a name that another entity already has, compared as the finder compares names
     * (ウィトコフ is ウィットコフ): the finder could not tell the two entities apart.
     */
    private void requireNamesFree(Entity entity) {
        List<Entity> others = repository.all().stream().filter(other -> !other.id().equals(entity.id())).toList();
        MentionFinder othersFinder = new MentionFinder(others);
        for (String name : entity.names()) {
            for (Mention mention : othersFinder.find(name)) {
                if (mention.start() == 0 && mention.end() == name.length()) {
                    throw new EntityChangeRefusedException(Reason.NAME_TAKEN, entity.id(), name,
                            othersFinder.entity(mention.entityId()).orElseThrow());
                }
            }
        }
    }

    /**
     * Drops the finder now and again once the transaction has committed: a finder built by
     * another thread in between would otherwise keep the vocabulary as it was before. The
     * second drop runs before the event listeners are handed the change, so they see it.
     */
    private void forgetFinder() {
        finder.set(null);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    finder.set(null);
                }

                @Override
                public int getOrder() {
                    return Ordered.HIGHEST_PRECEDENCE;
                }
            });
        }
    }
}
