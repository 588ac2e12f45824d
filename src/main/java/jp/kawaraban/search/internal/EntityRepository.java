package jp.kawaraban.search.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jp.kawaraban.search.EntityEvent;
import jp.kawaraban.text.Entity;
import jp.kawaraban.text.EntityKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Entities and their dated events, in SQL. */
@Repository
public class EntityRepository {

    private final JdbcClient jdbc;

    EntityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entity> all() {
        return jdbc.sql("SELECT * FROM search_entity ORDER BY id").query(this::entity).list();
    }

    public Optional<Entity> find(String id) {
        return jdbc.sql("SELECT * FROM search_entity WHERE id = ?").param(id).query(this::entity).optional();
    }

    public void save(Entity entity, Instant now) {
        jdbc.sql("""
                        INSERT INTO search_entity (id, canonical_name, kind, aliases, description, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET canonical_name = EXCLUDED.canonical_name, kind = EXCLUDED.kind,
                          aliases = EXCLUDED.aliases, description = EXCLUDED.description, updated_at = EXCLUDED.updated_at""")
                .params(entity.id(), entity.canonicalName(), entity.kind().name(), entity.aliases().toArray(String[]::new),
                        entity.description(), Timestamp.from(now))
                .update();
    }

    /**
     * Replaces an article's dated events. One transaction holding a lock on the article, so
     * two indexings of the same article at once (a publication and an update) do not mix rows.
     */
    @Transactional
    public void replaceEvents(String articleId, List<EntityEvent> events) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("search_entity_event:" + articleId).query().singleRow();
        jdbc.sql("DELETE FROM search_entity_event WHERE article_id = ?").param(articleId).update();
        int position = 0;
        for (EntityEvent event : events) {
            jdbc.sql("""
                            INSERT INTO search_entity_event (entity_id, article_id, event_date, sentence, position)
                            SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM search_entity WHERE id = ?)""")
                    .params(event.entityId(), articleId, event.date(), event.sentence(), position++, event.entityId())
                    .update();
        }
    }

    public void dropEvents(String articleId) {
        jdbc.sql("DELETE FROM search_entity_event WHERE article_id = ?").param(articleId).update();
    }

    public List<EntityEvent> timeline(String entityId, int limit) {
        return jdbc.sql("""
                        SELECT entity_id, article_id, event_date, sentence FROM search_entity_event
                        WHERE entity_id = ? ORDER BY event_date, article_id, position LIMIT ?""")
                .params(entityId, limit)
                .query((rs, n) -> new EntityEvent(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4)))
                .list();
    }

    /**
     * Serialises changes to the vocabulary until the transaction ends, so two editors cannot
     * give the same name to two entities at once, nor merge an entity that is being merged.
     */
    public void lockVocabulary() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('search_entity'))").query().singleRow();
    }

    public void delete(String id) {
        jdbc.sql("DELETE FROM search_entity WHERE id = ?").param(id).update();
    }

    /**
     * Gives {@code intoId} the timeline events of {@code fromId}. An event {@code intoId}
     * already has for the same article, date and sentence (an article naming both) is left
     * behind and goes with {@code fromId}'s row; so does one whose key would collide.
     */
    public int moveEvents(String fromId, String intoId) {
        return jdbc.sql("""
                        UPDATE search_entity_event e SET entity_id = :into
                        WHERE e.entity_id = :from AND NOT EXISTS (
                          SELECT 1 FROM search_entity_event d
                          WHERE d.entity_id = :into AND d.article_id = e.article_id
                            AND (d.position = e.position OR (d.event_date = e.event_date AND d.sentence = e.sentence)))""")
                .param("from", fromId).param("into", intoId)
                .update();
    }

    /** Remembers that {@code fromId} became {@code intoId}, and points earlier merges into {@code fromId} there too. */
    public void recordMerge(String fromId, String intoId, Instant at) {
        jdbc.sql("UPDATE search_entity_merge SET into_id = ? WHERE into_id = ?").params(intoId, fromId).update();
        jdbc.sql("""
                        INSERT INTO search_entity_merge (from_id, into_id, merged_at) VALUES (?, ?, ?)
                        ON CONFLICT (from_id) DO UPDATE SET into_id = EXCLUDED.into_id, merged_at = EXCLUDED.merged_at""")
                .params(fromId, intoId, Timestamp.from(at))
                .update();
    }

    public Optional<String> mergedInto(String id) {
        return jdbc.sql("SELECT into_id FROM search_entity_merge WHERE from_id = ?").param(id).query(String.class).optional();
    }

    /** A new entity took an id that once was merged away: the id is its own again. */
    public void forgetMerge(String id) {
        jdbc.sql("DELETE FROM search_entity_merge WHERE from_id = ?").param(id).update();
    }

    private Entity entity(ResultSet rs, int row) throws SQLException {
        return new Entity(rs.getString("id"), rs.getString("canonical_name"), EntityKind.valueOf(rs.getString("kind")),
                Arrays.asList((String[]) rs.getArray("aliases").getArray()), rs.getString("description"));
    }
}
