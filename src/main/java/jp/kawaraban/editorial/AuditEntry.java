package jp.kawaraban.editorial;

import java.time.Instant;

/**
 * One change made at the desk.
 *
 * @param actor     who made it: a member id, or {@code operator} for commands run from the jar
 * @param actorName the name shown to editors, as it was at the time
 * @param action    what was done, e.g. {@code article.publish}, {@code entity.merge}
 * @param subject   what it was done to, e.g. {@code article:abc123def456}
 * @param detail    a short human-readable account, or {@code null}
 */
public record AuditEntry(long id, Instant at, String actor, String actorName, String action, String subject,
                         String detail) {
}
