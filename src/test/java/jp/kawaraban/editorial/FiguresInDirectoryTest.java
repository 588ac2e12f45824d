package jp.kawaraban.editorial;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.Stream;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.internal.ImageStore;
import jp.kawaraban.article.internal.SwitchableImageStore;
import jp.kawaraban.platform.PlatformProperties;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code kawaraban.article.images.store=directory}: uploads become files under
 * {@code <data-dir>/images}, readers get them at the same addresses, images stored in the
 * database before keep working, and a refused upload leaves no file. The test application's
 * image store is switched to what that setting makes for each test here
 * ({@link SwitchableImageStore}); that the setting makes it is {@code ImageStoreConfigurationTest}'s.
 */
@KawarabanTest
class FiguresInDirectoryTest {

    @LocalServerPort
    int port;
    @Autowired
    PlatformProperties platform;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImageStore images;

    @BeforeEach
    void directoryStore() {
        ((SwitchableImageStore) images).useDirectory();
    }

    @AfterEach
    void configuredStore() {
        ((SwitchableImageStore) images).useConfigured();
    }

    @Test
    void anUploadIsAFileUnderTheDataDirectoryAndServedAsBefore() throws Exception {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        byte[] png = FigureUploadTest.png(30, 20);
        HttpResponse<String> answer = FigureUploadTest.upload(editor, "bars.png", "image/png", png, "棒グラフ", "編集部");
        assertThat(answer.statusCode()).isEqualTo(201);
        String id = Jsoup.parse(answer.body()).selectFirst(".stored-figure").attr("data-figure-id");

        Path images = platform.dataDir().resolve("images");
        Path file = images.resolve(id.substring(0, 2)).resolve(id + ".data");
        assertThat(file).exists().hasBinaryContent(png);
        assertThat(images.resolve(id.substring(0, 2)).resolve(id + ".type")).hasContent("image/png");
        assertThat(jdbc.sql("select count(*) from article_image where id = ?").param(id).query(Long.class).single())
                .as("not in the database").isZero();

        var image = new FigureUploadTest();
        image.port = port;
        HttpResponse<byte[]> served = image.image(id);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("Content-Security-Policy")).hasValue(FigureUploadTest.CSP);
        assertThat(served.body()).isEqualTo(png);
    }

    @Test
    void imagesStoredInTheDatabaseBeforeAreStillServed() throws Exception {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>".getBytes(StandardCharsets.UTF_8);
        jdbc.sql("insert into article_image (id, content_type, bytes, created_at) values (?, ?, ?, ?)")
                .params("older-chart", "image/svg+xml", svg, Timestamp.from(Instant.parse("2024-01-01T00:00:00Z"))).update();
        var image = new FigureUploadTest();
        image.port = port;
        HttpResponse<byte[]> served = image.image("older-chart");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(served.body()).isEqualTo(svg);
        assertThat(image.image("no-such-image").statusCode()).isEqualTo(404);
        assertThat(image.image("..%2F..%2Fpostgres").statusCode()).isIn(400, 404);
    }

    @Test
    void aRefusedUploadLeavesNoFile() throws Exception {
        var editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        long before = files();
        HttpResponse<String> answer = FigureUploadTest.upload(editor, "bomb.png", "image/png",
                FigureUploadTest.pngHeaderClaiming(100_000, 100_000), "爆弾", "");
        assertThat(answer.statusCode()).isEqualTo(400);
        HttpResponse<String> noCaption = FigureUploadTest.upload(editor, "ok.png", "image/png",
                FigureUploadTest.png(5, 5), "", "");
        assertThat(noCaption.statusCode()).isEqualTo(400);
        assertThat(files()).isEqualTo(before);
    }

    private long files() throws Exception {
        Path images = platform.dataDir().resolve("images");
        if (!Files.exists(images)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(images)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
