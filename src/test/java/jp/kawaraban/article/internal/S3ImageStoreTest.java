package jp.kawaraban.article.internal;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import jp.kawaraban.article.ArticleImage;
import jp.kawaraban.article.ImageStorageUnavailableException;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code s3} image store against a real S3 server (s3proxy, started in this JVM on a free
 * port for each test, its objects in a temporary directory): what it stores is an object with
 * its type, read back as it was; a rolled-back upload leaves no object; a missing bucket, wrong
 * credentials or a store that does not answer are one clear refusal, quickly. What editors and
 * readers see of it through the site is {@code FiguresInS3Test}'s.
 */
class S3ImageStoreTest {

    static final String ACCESS_KEY = "kawaraban-test";
    static final String SECRET_KEY = "kawaraban-test-secret";
    static final String BUCKET = "figures";

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyExtension.builder().withCredentials(ACCESS_KEY, SECRET_KEY).build();

    private S3ImageStore store;

    @BeforeEach
    void bucket() {
        try (S3Client admin = client(server.getUri(), ACCESS_KEY, SECRET_KEY)) {
            admin.createBucket(request -> request.bucket(BUCKET));
        }
        store = S3ImageStore.connect(server.getUri(), "us-east-1", BUCKET, "images/", true, ACCESS_KEY, SECRET_KEY,
                Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        store.close();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void anImageIsOneObjectWithItsContentTypeAndReadsBackAsItWas() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
        store.save(new ArticleImage("chart-1", "image/svg+xml", svg));

        assertThat(store.find("chart-1")).hasValueSatisfying(image -> {
            assertThat(image.contentType()).isEqualTo("image/svg+xml");
            assertThat(image.bytes()).isEqualTo(svg);
        });
        try (S3Client admin = client(server.getUri(), ACCESS_KEY, SECRET_KEY)) {
            var object = admin.headObject(request -> request.bucket(BUCKET).key("images/chart-1"));
            assertThat(object.contentType()).isEqualTo("image/svg+xml");
            assertThat(object.contentLength()).isEqualTo(svg.length);
        }
        assertThat(store.find("no-such-image")).isEmpty();
        assertThat(store.find("../../etc/passwd")).isEmpty();
    }

    @Test
    void aNewImageWhoseTransactionRollsBackIsDeletedAgainAndACommittedOneStays() {
        TransactionSynchronizationManager.initSynchronization();
        store.save(new ArticleImage("rolled-back", "image/png", new byte[] {1, 2, 3}));
        complete(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(store.find("rolled-back")).isEmpty();

        TransactionSynchronizationManager.initSynchronization();
        store.save(new ArticleImage("committed", "image/png", new byte[] {4, 5, 6}));
        complete(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(store.find("committed")).hasValueSatisfying(image -> assertThat(image.bytes()).containsExactly(4, 5, 6));
    }

    @Test
    void aMissingBucketIsARefusalNamingItAndStopsTheStartUp() {
        S3ImageStore noBucket = S3ImageStore.connect(server.getUri(), "us-east-1", "no-such-bucket", "images/", true,
                ACCESS_KEY, SECRET_KEY, Duration.ofSeconds(2));
        assertThatThrownBy(() -> noBucket.save(new ArticleImage("x1", "image/png", new byte[] {1})))
                .isInstanceOfSatisfying(ImageStorageUnavailableException.class, refused -> {
                    assertThat(refused.kind().status()).isEqualTo(503);
                    assertThat(refused.messageKey()).isEqualTo("article.images.unavailable");
                    assertThat(refused.whatFailed()).contains("no-such-bucket").contains("NoSuchBucket");
                });
        assertThatThrownBy(() -> noBucket.find("x1")).isInstanceOf(ImageStorageUnavailableException.class);
        assertThatThrownBy(noBucket::checkBucket).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-bucket").hasMessageContaining("kawaraban.article.images.s3.bucket");
        store.checkBucket(); // the bucket that is there passes
    }

    @Test
    void wrongCredentialsAreTheSameRefusal() {
        S3ImageStore stranger = S3ImageStore.connect(server.getUri(), "us-east-1", BUCKET, "images/", true,
                ACCESS_KEY, "not-the-secret", Duration.ofSeconds(2));
        assertThatThrownBy(() -> stranger.save(new ArticleImage("x2", "image/png", new byte[] {1})))
                .isInstanceOfSatisfying(ImageStorageUnavailableException.class,
                        refused -> assertThat(refused.whatFailed()).contains("403"));
        assertThat(store.find("x2")).isEmpty();
    }

    @Test
    void aStoreThatDoesNotAnswerIsTheSameRefusalWithinTheTimeoutAndTheStartUpGoesOn() throws Exception {
        int closedPort = closedPort();
        S3ImageStore away = away(closedPort);
        Instant asked = Instant.now();
        assertThatThrownBy(() -> away.save(new ArticleImage("x3", "image/png", new byte[] {1})))
                .isInstanceOfSatisfying(ImageStorageUnavailableException.class,
                        refused -> assertThat(refused.whatFailed()).contains("127.0.0.1:" + closedPort));
        assertThatThrownBy(() -> away.find("x3")).isInstanceOf(ImageStorageUnavailableException.class);
        assertThat(Duration.between(asked, Instant.now())).as("no long hang").isLessThan(Duration.ofSeconds(30));
        away.checkBucket(); // logged, not thrown: an outage must not keep the site from starting
    }

    @Test
    void imagesKeptBeforeInTheDatabaseAreStillServedWhileTheObjectStoreIsAway() throws Exception {
        S3ImageStore away = away(closedPort());
        ImageStore earlier = new ImageStore() {
            @Override
            public void save(ArticleImage image) {
                throw new AssertionError("new images go to the current store");
            }

            @Override
            public java.util.Optional<ArticleImage> find(String id) {
                return "older".equals(id) ? java.util.Optional.of(new ArticleImage(id, "image/png", new byte[] {9}))
                        : java.util.Optional.empty();
            }
        };
        var fallback = new FallbackImageStore(away, earlier);
        assertThat(fallback.find("older")).isPresent();
        assertThatThrownBy(() -> fallback.find("newer")).isInstanceOf(ImageStorageUnavailableException.class);
    }

    @Test
    void theSettingMakesTheObjectStoreTheCurrentOneWithTheDatabaseBehindIt() {
        configured().withPropertyValues("kawaraban.article.images.s3.bucket=" + BUCKET).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ImageStore.class)).isInstanceOfSatisfying(FallbackImageStore.class, fallback -> {
                assertThat(fallback.current()).isInstanceOf(S3ImageStore.class);
                assertThat(fallback.earlier()).isInstanceOf(DatabaseImageStore.class);
            });
        });
        configured().withPropertyValues("kawaraban.article.images.s3.bucket=not-made-yet").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("there is no bucket 'not-made-yet'")
                        .hasStackTraceContaining("create it"));
        configured().run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("needs kawaraban.article.images.s3.bucket"));
    }

    private ApplicationContextRunner configured() {
        return new ApplicationContextRunner()
                .withUserConfiguration(ImageStoreConfigurationTest.Inputs.class, ImageStoreConfiguration.class)
                .withPropertyValues("kawaraban.data-dir=target/s3-image-store-test",
                        "kawaraban.article.images.store=s3",
                        "kawaraban.article.images.s3.endpoint=" + server.getUri(),
                        "kawaraban.article.images.s3.access-key=" + ACCESS_KEY,
                        "kawaraban.article.images.s3.secret-key=" + SECRET_KEY);
    }

    /** A port nothing listens on. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static S3ImageStore away(int closedPort) {
        return S3ImageStore.connect(URI.create("http://127.0.0.1:" + closedPort), "us-east-1", BUCKET,
                "images/", true, ACCESS_KEY, SECRET_KEY, Duration.ofSeconds(1));
    }

    private static void complete(int status) {
        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
    }

    static S3Client client(URI endpoint, String accessKey, String secretKey) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
