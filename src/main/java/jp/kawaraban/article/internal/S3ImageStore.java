package jp.kawaraban.article.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jp.kawaraban.article.ArticleImage;
import jp.kawaraban.article.ImageStorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Images as objects of an S3-compatible store (Amazon S3, MinIO, Ceph, s3proxy…): the key is
 * {@code <prefix><id>}, the bytes are the object and the content type is the object's
 * {@code Content-Type}, so one PUT stores both and a findable image always has its type.
 * Every node reaches the same bucket, which is what several application nodes need and the
 * directory store cannot give them (docs/decisions/0031).
 * <p>
 * Addressed path-style ({@code http://host:port/bucket/key}) by default, which every
 * S3-compatible server understands; Amazon's virtual-host style is a setting. Checksums are
 * sent and checked only where the protocol requires them: stores other than Amazon's differ in
 * which of the newer checksum headers they accept.
 * <p>
 * Not part of the database's transaction: a PUT is all or nothing (a failed or interrupted
 * upload leaves no object), and a new image whose transaction rolls back is deleted again
 * afterwards. Any failure of the store is an {@link ImageStorageUnavailableException}, which
 * rolls the caller's transaction back; an image that is simply not there is an empty answer.
 */
public final class S3ImageStore implements ImageStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3ImageStore.class);

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String where;

    public S3ImageStore(S3Client s3, String bucket, String prefix, String where) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.where = where;
    }

    /**
     * A client for {@code endpoint}, with the access key and secret when given, else the SDK's
     * usual places (the {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} environment
     * variables, the credentials file). Short timeouts: a figure upload or read must not hang a
     * request thread for minutes on a store that is away.
     */
    public static S3ImageStore connect(URI endpoint, String region, String bucket, String prefix, boolean pathStyle,
                                       String accessKey, String secretKey, Duration timeout) {
        AwsCredentialsProvider credentials = accessKey == null || accessKey.isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey == null ? "" : secretKey));
        var builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .forcePathStyle(pathStyle)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeout)
                        .socketTimeout(timeout))
                .overrideConfiguration(config -> config.apiCallTimeout(timeout.multipliedBy(3)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        String where = "bucket '" + bucket + "' at " + (endpoint == null ? "Amazon S3 (" + region + ")" : endpoint);
        return new S3ImageStore(builder.build(), bucket, prefix, where);
    }

    /**
     * Whether the bucket is there, asked once at start-up: a missing bucket is a mistake in the
     * settings and stops the start with a message naming it; a store that does not answer is an
     * outage, logged, and the site starts without its figures.
     *
     * @throws IllegalStateException when the store answers that the bucket does not exist
     */
    public void checkBucket() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            throw new IllegalStateException("kawaraban.article.images.store=s3: there is no " + where
                    + "; create it, or set kawaraban.article.images.s3.bucket to one that exists", missing);
        } catch (S3Exception refused) {
            if (refused.statusCode() == 404) {
                throw new IllegalStateException("kawaraban.article.images.store=s3: there is no " + where
                        + "; create it, or set kawaraban.article.images.s3.bucket to one that exists", refused);
            }
            log.error("The figure store {} refused the start-up check ({}): figures cannot be stored or shown until it accepts us",
                    where, refused.getMessage());
        } catch (SdkException unreachable) {
            log.error("The figure store {} cannot be reached ({}): figures cannot be stored or shown until it is back",
                    where, unreachable.getMessage());
        }
    }

    @Override
    public void save(ArticleImage image) {
        if (!ImageStore.isStorable(image.id())) {
            throw new IllegalArgumentException("Image id not usable as an object key: " + image.id());
        }
        String key = key(image.id());
        try {
            boolean isNew = !exists(key);
            s3.putObject(request -> request.bucket(bucket).key(key).contentType(image.contentType())
                    .contentLength((long) image.bytes().length), RequestBody.fromBytes(image.bytes()));
            if (isNew) {
                removeIfRolledBack(key);
            }
        } catch (SdkException failed) {
            throw unavailable("storing image " + image.id(), failed);
        }
    }

    @Override
    public Optional<ArticleImage> find(String id) {
        if (!ImageStore.isStorable(id)) {
            return Optional.empty();
        }
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key(id)));
            String type = object.response().contentType();
            return Optional.of(new ArticleImage(id, type == null ? "application/octet-stream" : type, object.asByteArray()));
        } catch (NoSuchKeyException notThere) {
            return Optional.empty();
        } catch (S3Exception refused) {
            if (refused.statusCode() == 404 && !(refused instanceof NoSuchBucketException)
                    && !"NoSuchBucket".equals(errorCode(refused))) {
                return Optional.empty();
            }
            throw unavailable("reading image " + id, refused);
        } catch (SdkException failed) {
            throw unavailable("reading image " + id, failed);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return "S3ImageStore[" + where + ", prefix '" + prefix + "']";
    }

    private boolean exists(String key) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException notThere) {
            return false;
        } catch (S3Exception refused) {
            // HEAD has no body: a missing bucket is a 404 as well; the PUT that follows tells them apart.
            if (refused.statusCode() == 404) {
                return false;
            }
            throw refused;
        }
    }

    private String key(String id) {
        return prefix + id;
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private ImageStorageUnavailableException unavailable(String what, SdkException cause) {
        String reason = cause instanceof S3Exception s3Error && s3Error.awsErrorDetails() != null
                ? s3Error.statusCode() + " " + errorCode(s3Error) : cause.getMessage();
        log.warn("The figure store failed {} in {}: {}", what, where, reason);
        return new ImageStorageUnavailableException(what + " in " + where + ": " + reason, cause);
    }

    private void removeIfRolledBack(String key) {
        ImageStore.undoIfRolledBack(() -> {
            try {
                s3.deleteObject(request -> request.bucket(bucket).key(key));
            } catch (SdkException e) {
                // An object under a random id that nothing refers to harms nobody; the rollback stands.
                log.warn("Could not delete the image {} of a rolled-back upload from {}: {}", key, where, e.getMessage());
            }
        });
    }
}
