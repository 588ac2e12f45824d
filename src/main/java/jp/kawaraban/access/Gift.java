package jp.kawaraban.access;

import java.time.Instant;
import java.util.UUID;

/**
 * A gift link as its giver sees it (the link itself is shown once, when it is made: only its
 * hash is kept).
 *
 * @param headline the article's headline, or null when the article has been withdrawn
 * @param opens    how many readers opened it (the same client within a short window once)
 */
public record Gift(UUID id, String articleId, String headline, Instant createdAt, Instant expiresAt, Instant revokedAt,
                   int opens) implements java.io.Serializable {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
