package jp.kawaraban.article;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The article module's settings.
 *
 * @param images where figure images are kept
 */
@ConfigurationProperties("kawaraban.article")
public record ArticleProperties(@DefaultValue Images images) {

    /**
     * @param store {@code database} (default) keeps image bytes in PostgreSQL, which every
     *              node shares; {@code directory} keeps them as files under
     *              {@code <data-dir>/images}, for one node or a data directory on a shared
     *              file system; {@code s3} keeps them in a bucket of an S3-compatible object
     *              store, for many nodes. Either way images stored before in the database stay
     *              readable (docs/decisions/0011-figure-storage.md, 0031).
     * @param s3    the object store, with {@code store=s3}
     */
    public record Images(@DefaultValue("database") Store store, @DefaultValue S3 s3) {
    }

    public enum Store {
        DATABASE, DIRECTORY, S3
    }

    /**
     * Where figures go with {@code kawaraban.article.images.store=s3}. The key and secret are
     * read from settings or the environment ({@code KAWARABAN_ARTICLE_IMAGES_S3_ACCESS_KEY},
     * {@code KAWARABAN_ARTICLE_IMAGES_S3_SECRET_KEY}); left empty, the AWS SDK's own places are
     * asked ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, the credentials file).
     *
     * @param endpoint   the store's address ({@code http://minio:9000}); empty for Amazon S3 itself
     * @param bucket     the bucket, which must exist (start-up stops when the store says it does not)
     * @param region     the region requests are signed for; S3-compatible servers mostly accept any
     * @param prefix     put before each image id to make the object's key ({@code images/})
     * @param pathStyle  {@code http://host/bucket/key} (true, what every S3-compatible server
     *                   understands) rather than {@code http://bucket.host/key}
     * @param accessKey  the access key id
     * @param secretKey  the secret access key
     * @param timeout    how long to wait to connect and for each answer (an API call gets three times that)
     */
    public record S3(URI endpoint, String bucket, @DefaultValue("us-east-1") String region,
                     @DefaultValue("images/") String prefix, @DefaultValue("true") boolean pathStyle,
                     String accessKey, String secretKey, @DefaultValue("5s") Duration timeout) {

        /** Keeps the secret out of logs and error pages that print the settings. */
        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", prefix=" + prefix
                    + ", pathStyle=" + pathStyle + ", accessKey=" + accessKey + ", secretKey="
                    + (secretKey == null || secretKey.isEmpty() ? "(none)" : "(set)") + ", timeout=" + timeout + "]";
        }
    }
}
