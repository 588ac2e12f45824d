package jp.kawaraban.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The search module's settings.
 *
 * @param engine     {@code lucene} (default): an embedded index under {@code <data-dir>/search}, one
 *                   per node; {@code opensearch}: one index in an OpenSearch cluster, shared by
 *                   every node (decision 0036)
 * @param opensearch the cluster, with {@code engine=opensearch}
 */
@ConfigurationProperties("kawaraban.search")
public record SearchProperties(@DefaultValue("lucene") Engine engine, @DefaultValue OpenSearch opensearch) {

    public enum Engine {
        LUCENE, OPENSEARCH
    }

    /**
     * Where the shared index lives. The user name and password come from settings or the
     * environment ({@code KAWARABAN_SEARCH_OPENSEARCH_USERNAME}, {@code _PASSWORD}), never
     * from the repository.
     *
     * @param uris     the cluster's HTTP addresses, tried in turn when one does not answer
     * @param username HTTP basic authentication (the security plugin's internal users); unset: none
     * @param password its password
     * @param index    the alias searches and writes go through; each build of the index is a
     *                 concrete index {@code <index>-<time>} behind it
     * @param timeout  how long to wait to connect and for an answer, before the engine counts as away
     */
    public record OpenSearch(@DefaultValue("http://localhost:9200") List<URI> uris, String username, String password,
                             @DefaultValue("kawaraban-articles") String index, @DefaultValue("5s") Duration timeout) {

        /** Keeps the password out of logs and error pages that print the settings. */
        @Override
        public String toString() {
            return "OpenSearch[uris=" + uris + ", username=" + username + ", password="
                    + (password == null || password.isEmpty() ? "(none)" : "(set)") + ", index=" + index
                    + ", timeout=" + timeout + "]";
        }
    }
}
