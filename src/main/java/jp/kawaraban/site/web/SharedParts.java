package jp.kawaraban.site.web;

import jp.kawaraban.site.SharedArticleData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared parts of members' article pages, kept by the page cache's settings and dropped with its pages. */
@Configuration(proxyBeanMethods = false)
class SharedParts {

    @Bean
    SharedArticleData sharedArticleData(PageCacheProperties properties) {
        return new SharedArticleData(properties.enabled(), properties.sharedArticleParts(), properties.maxAge());
    }
}
