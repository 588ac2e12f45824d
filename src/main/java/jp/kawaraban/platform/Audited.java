package jp.kawaraban.platform;

import java.util.Objects;

/**
 * A change someone made that belongs in the audit log, told by the module that made it.
 * Modules below {@code editorial} (which keeps the log) cannot call it, so they publish this
 * event inside the transaction of the change; the log records it in that same transaction, so
 * a change that rolls back leaves no record and one that commits always has one
 * (docs/decisions/0024). Other nodes hear of it too ({@link NodeWideEvent}): what they keep
 * of pages may show what was changed.
 *
 * @param action  what was done, e.g. {@code staff.grant}; worded under {@code editor.audit.<action>}
 * @param subject what it was done to, e.g. {@code member:<id>}, {@code plan:MONTHLY}
 * @param detail  a short account for people reading the log, or null
 */
public record Audited(Actor actor, String action, String subject, String detail) implements NodeWideEvent {

    public Audited {
        Objects.requireNonNull(actor);
        Objects.requireNonNull(action);
        Objects.requireNonNull(subject);
    }

    /** Who acted: a member's id and the name staff know them by, or a process. */
    public record Actor(String id, String name) {

        /** The demo edition setting itself up. */
        public static final Actor DEMO = new Actor("demo", "デモ（初期データ）");

        public Actor {
            Objects.requireNonNull(id);
            Objects.requireNonNull(name);
        }
    }
}
