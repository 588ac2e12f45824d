package jp.kawaraban.search;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jp.kawaraban.search.internal.EntityRepository;
import jp.kawaraban.text.Entity;
import jp.kawaraban.text.MentionFinder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entity vocabulary (people, organisations, places, with aliases) and the mention
 * finder built from it. The finder is rebuilt when the vocabulary changes; articles indexed
 * before a change keep their old mentions until the index is rebuilt.
 */
@Service
public class Entities {

    private final EntityRepository repository;
    private final Clock clock;
    private final AtomicReference<MentionFinder> finder = new AtomicReference<>();

    Entities(EntityRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public List<Entity> all() {
        return repository.all();
    }

    public Optional<Entity> find(String id) {
        return id == null ? Optional.empty() : repository.find(id);
    }

    @Transactional
    public void save(Entity entity) {
        repository.save(entity, clock.instant());
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
}
