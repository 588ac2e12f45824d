package jp.kawaraban.article;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The most-read ranking (decision 0040).
 *
 * @param enabled       count reads and show the ranking
 * @param flushInterval how often the reads counted in memory are added to PostgreSQL (and on shutdown)
 * @param refresh       how long a ranking is shown before it is read again from PostgreSQL
 * @param window        how far back reads count
 * @param size          articles in a ranking
 */
@ConfigurationProperties("kawaraban.article.most-read")
public record MostReadProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("10s") Duration flushInterval,
                                 @DefaultValue("60s") Duration refresh,
                                 @DefaultValue("24h") Duration window,
                                 @DefaultValue("5") int size) {
}
