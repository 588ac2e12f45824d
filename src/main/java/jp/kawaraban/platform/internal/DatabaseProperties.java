package jp.kawaraban.platform.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application waits for PostgreSQL.
 *
 * @param readerConnectionTimeout how long a reader's request (a page, the API) waits for a
 *                                connection before it is answered "temporarily unavailable" (503).
 *                                Background work (listeners, jobs) waits the pool's own
 *                                {@code spring.datasource.hikari.connection-timeout} (30 s), so a
 *                                burst of it is not turned into failures.
 */
@ConfigurationProperties("kawaraban.database")
record DatabaseProperties(@DefaultValue("2s") Duration readerConnectionTimeout) {
}
