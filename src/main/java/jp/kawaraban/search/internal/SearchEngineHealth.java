package jp.kawaraban.search.internal;

import jp.kawaraban.search.SearchEngineUnavailableException;
import jp.kawaraban.search.SearchProperties;
import jp.kawaraban.search.opensearch.OpenSearchClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code searchEngine} in {@code /actuator/health} with {@code kawaraban.search.engine=opensearch}:
 * the cluster's status, or {@code SEARCH_UNAVAILABLE} with the reason while it cannot be reached.
 * That status is left out of the site's overall one on purpose: without search the site still
 * serves every article, and a load balancer that took the nodes out for it would serve nothing.
 */
@Component("searchEngine")
@ConditionalOnProperty(name = "kawaraban.search.engine", havingValue = "opensearch")
class SearchEngineHealth implements HealthIndicator {

    static final Status UNAVAILABLE = new Status("SEARCH_UNAVAILABLE",
            "OpenSearch cannot be reached: searches answer 503, indexing waits in its queue");

    private final OpenSearchClient client;
    private final SearchProperties properties;

    SearchEngineHealth(OpenSearchClient client, SearchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public Health health() {
        try {
            JsonNode cluster = client.get("/_cluster/health").body();
            String status = cluster.path("status").asString("unknown");
            return ("red".equals(status) ? Health.status(UNAVAILABLE) : Health.up())
                    .withDetail("engine", "opensearch")
                    .withDetail("cluster", cluster.path("cluster_name").asString(""))
                    .withDetail("clusterStatus", status)
                    .withDetail("index", properties.opensearch().index())
                    .build();
        } catch (SearchEngineUnavailableException away) {
            return Health.status(UNAVAILABLE).withDetail("engine", "opensearch")
                    .withDetail("reason", away.whatFailed()).build();
        }
    }
}
