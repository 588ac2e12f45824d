package jp.kawaraban.search.internal;

import jp.kawaraban.platform.PlatformProperties;
import jp.kawaraban.search.lucene.LuceneSearchIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded Lucene index under {@code <data-dir>/search}. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    LuceneSearchIndex searchIndex(PlatformProperties platform) {
        return new LuceneSearchIndex(platform.dataDir().resolve("search"));
    }
}
