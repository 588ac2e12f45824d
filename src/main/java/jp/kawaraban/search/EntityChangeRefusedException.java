package jp.kawaraban.search;

import jp.kawaraban.platform.Refusal;

/**
 * A change the vocabulary cannot take, and why; nothing was changed.
 *
 * @param name  the name in question ({@link Reason#NAME_TAKEN}), else {@code null}
 * @param other the entity already holding the id or name, else {@code null}
 */
public class EntityChangeRefusedException extends Refusal {

    public enum Reason {
        /** No entity has that id. */
        UNKNOWN,
        /** Creating an entity whose id is already used. */
        ID_TAKEN,
        /** A name is already the name or alias of another entity (after spelling folding). */
        NAME_TAKEN,
        /** Merging an entity into itself. */
        SAME_ENTITY
    }

    private final Reason reason;
    private final String entityId;
    private final String name;
    private final jp.kawaraban.text.Entity other;

    public EntityChangeRefusedException(Reason reason, String entityId, String name, jp.kawaraban.text.Entity other) {
        super(switch (reason) {
            case UNKNOWN -> Kind.NOT_FOUND;
            case ID_TAKEN, NAME_TAKEN -> Kind.CONFLICT;
            case SAME_ENTITY -> Kind.INVALID;
        }, "search.entity.refused." + reason.name(), entityId, name, other == null ? null : other.canonicalName());
        this.reason = reason;
        this.entityId = entityId;
        this.name = name;
        this.other = other;
    }

    public Reason reason() {
        return reason;
    }

    public String entityId() {
        return entityId;
    }

    public String name() {
        return name;
    }

    public jp.kawaraban.text.Entity other() {
        return other;
    }
}
