package jp.kawaraban.search.internal;

import jp.kawaraban.platform.PlatformProperties;
import jp.kawaraban.search.SearchEngineUnavailableException;
import jp.kawaraban.search.SearchIndex;
import jp.kawaraban.search.SearchProperties;
import jp.kawaraban.search.lucene.LuceneSearchIndex;
import jp.kawaraban.search.opensearch.OpenSearchClient;
import jp.kawaraban.search.opensearch.OpenSearchSearchIndex;
import jp.kawaraban.text.KatakanaFolding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search engine {@code kawaraban.search.engine} names: the embedded Lucene index under
 * {@code <data-dir>/search} (the default), or an index in an OpenSearch cluster shared by every
 * node (decision 0036). Everything else in the module sees only {@link SearchIndex}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SearchConfiguration.class);

    /**
     * The katakana fold's table of UniDic's katakana words (decision 0050) is loaded while the
     * node starts (a fraction of a second), not in a reader's first search or the indexing of
     * the first article.
     */
    SearchConfiguration() {
        long start = System.nanoTime();
        KatakanaFolding.loadDictionary();
        log.info("Katakana fold: UniDic's katakana table loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "kawaraban.search.engine", havingValue = "lucene", matchIfMissing = true)
    LuceneSearchIndex searchIndex(PlatformProperties platform) {
        return new LuceneSearchIndex(platform.dataDir().resolve("search"));
    }

    @Bean
    @ConditionalOnProperty(name = "kawaraban.search.engine", havingValue = "opensearch")
    OpenSearchClient openSearchClient(SearchProperties properties) {
        return new OpenSearchClient(properties.opensearch(), JsonMapper.builder().build());
    }

    @Bean
    @ConditionalOnProperty(name = "kawaraban.search.engine", havingValue = "opensearch")
    OpenSearchSearchIndex openSearchIndex(OpenSearchClient client, SearchProperties properties) {
        OpenSearchSearchIndex index = new OpenSearchSearchIndex(client, properties.opensearch().index());
        try {
            index.prepare();
            log.info("Search engine: OpenSearch at {}, alias {}", properties.opensearch().uris(),
                    properties.opensearch().index());
        } catch (SearchEngineUnavailableException away) {
            // The site starts all the same: articles are served, searches answer 503, and the
            // index is made and filled once the engine answers.
            log.error("Search engine: OpenSearch at {} does not answer at start ({}); search answers 503 until it does",
                    properties.opensearch().uris(), away.whatFailed());
        }
        return index;
    }
}
