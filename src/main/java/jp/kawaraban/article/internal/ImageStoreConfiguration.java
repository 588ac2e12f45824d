package jp.kawaraban.article.internal;

import java.time.Clock;

import jp.kawaraban.article.ArticleProperties;
import jp.kawaraban.platform.PlatformProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The image store chosen by {@code kawaraban.article.images.store} (docs/decisions/0011, 0031). */
@Configuration(proxyBeanMethods = false)
class ImageStoreConfiguration {

    @Bean
    ImageStore imageStore(ArticleProperties properties, PlatformProperties platform, JdbcClient jdbc, Clock clock) {
        var database = new DatabaseImageStore(jdbc, clock);
        return switch (properties.images().store()) {
            case DATABASE -> database;
            case DIRECTORY -> new FallbackImageStore(
                    new DirectoryImageStore(platform.dataDir().resolve("images")), database);
            case S3 -> new FallbackImageStore(s3(properties.images().s3()), database);
        };
    }

    private static S3ImageStore s3(ArticleProperties.S3 settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException(
                    "kawaraban.article.images.store=s3 needs kawaraban.article.images.s3.bucket (and, for a store other than Amazon S3, .endpoint)");
        }
        S3ImageStore store = S3ImageStore.connect(settings.endpoint(), settings.region(), settings.bucket(),
                settings.prefix(), settings.pathStyle(), settings.accessKey(), settings.secretKey(), settings.timeout());
        store.checkBucket();
        return store;
    }
}
