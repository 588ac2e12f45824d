package jp.kawaraban.editorial;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.internal.ImageStore;
import jp.kawaraban.article.internal.S3ImageStore;
import jp.kawaraban.article.internal.SwitchableImageStore;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code kawaraban.article.images.store=s3}, through the site: an upload is an object in
 * the bucket (s3proxy, a real S3 server in this JVM) and readers get it at the usual address;
 * when the bucket is missing or the store does not answer, the editor is told so in Japanese on
 * the form with the caption kept, and nothing of the upload is stored anywhere. The shared
 * application's image store is switched to what that setting makes
 * ({@link SwitchableImageStore#use}); that the setting makes it is {@code S3ImageStoreTest}'s.
 */
@KawarabanTest
class FiguresInS3Test {

    private static final String ACCESS_KEY = "kawaraban-site";
    private static final String SECRET_KEY = "kawaraban-site-secret";

    @RegisterExtension
    final S3ProxyExtension server = S3ProxyExtension.builder().withCredentials(ACCESS_KEY, SECRET_KEY).build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImageStore images;

    @AfterEach
    void configuredStore() {
        ((SwitchableImageStore) images).useConfigured();
    }

    @Test
    void anUploadIsAnObjectInTheBucketAndServedAtTheUsualAddress() throws Exception {
        try (S3Client admin = admin()) {
            admin.createBucket(request -> request.bucket("figures"));
            use("figures", server.getUri());
            var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
            byte[] png = FigureUploadTest.png(24, 16);
            HttpResponse<String> answer = FigureUploadTest.upload(editor, "line.png", "image/png", png, "折れ線グラフ", "編集部");
            assertThat(answer.statusCode()).isEqualTo(201);
            String id = Jsoup.parse(answer.body()).selectFirst(".stored-figure").attr("data-figure-id");

            assertThat(admin.getObjectAsBytes(request -> request.bucket("figures").key("images/" + id)).asByteArray())
                    .isEqualTo(png);
            assertThat(jdbc.sql("select count(*) from article_image where id = ?").param(id).query(Long.class).single())
                    .as("not in the database").isZero();
            var reader = new FigureUploadTest();
            reader.port = port;
            HttpResponse<byte[]> served = reader.image(id);
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(served.body()).isEqualTo(png);
            assertThat(reader.image("no-such-figure").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aMissingBucketOrAStoreThatDoesNotAnswerIsSaidOnTheFormAndNothingOfTheUploadIsStored() throws Exception {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        for (URI endpoint : new URI[] {server.getUri(), URI.create("http://127.0.0.1:" + closedPort)}) {
            use("no-such-bucket", endpoint);
            long figures = count("editorial_figure");
            long audited = count("editorial_audit");
            long databaseImages = count("article_image");

            HttpResponse<String> answer = FigureUploadTest.upload(editor, "bars.png", "image/png",
                    FigureUploadTest.png(10, 10), "保存できない図表", "編集部");

            assertThat(answer.statusCode()).as(endpoint.toString()).isEqualTo(503);
            Document page = Jsoup.parse(answer.body());
            assertThat(page.select(".notice-error").text()).contains("図表の保存先").contains("もう一度お試しください");
            assertThat(page.selectFirst("#figure-caption").val()).as("caption kept").isEqualTo("保存できない図表");
            assertThat(page.select(".stored-figure")).isEmpty();
            assertThat(count("editorial_figure")).as("no library entry").isEqualTo(figures);
            assertThat(count("editorial_audit")).as("no audit record").isEqualTo(audited);
            assertThat(count("article_image")).as("nothing in the database instead").isEqualTo(databaseImages);
        }
    }

    private void use(String bucket, URI endpoint) {
        ((SwitchableImageStore) images).use(S3ImageStore.connect(endpoint, "us-east-1", bucket, "images/", true,
                ACCESS_KEY, SECRET_KEY, Duration.ofSeconds(2)));
    }

    private S3Client admin() {
        return S3Client.builder().endpointOverride(server.getUri()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
