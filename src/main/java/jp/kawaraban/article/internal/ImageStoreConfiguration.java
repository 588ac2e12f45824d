package jp.kawaraban.article.internal;

import java.time.Clock;

import jp.kawaraban.article.ArticleProperties;
import jp.kawaraban.platform.PlatformProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The image store chosen by {@code kawaraban.article.images.store} (docs/decisions/0011). */
@Configuration(proxyBeanMethods = false)
class ImageStoreConfiguration {

    @Bean
    ImageStore imageStore(ArticleProperties properties, PlatformProperties platform, JdbcClient jdbc, Clock clock) {
        var database = new DatabaseImageStore(jdbc, clock);
        return switch (properties.images().store()) {
            case DATABASE -> database;
            case DIRECTORY -> new FallbackImageStore(
                    new DirectoryImageStore(platform.dataDir().resolve("images")), database);
        };
    }
}
