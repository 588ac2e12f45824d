package jp.kawaraban.command;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import jp.kawaraban.KawarabanApplication;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.platform.PlatformProperties;
import jp.kawaraban.search.SearchIndex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar kawaraban.jar rebuild-search} against the running site, and the door it uses. */
@KawarabanTest
class RebuildSearchCommandTest {

    @LocalServerPort
    int port;
    @Autowired
    PlatformProperties platform;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    SearchIndex index;

    @Test
    void theCommandRebuildsTheRunningSitesIndexWithAProgressBar() throws Exception {
        Path operatorFile = platform.dataDir().resolve("operator.json");
        assertThat(operatorFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(operatorFile))).isEqualTo("rw-------");

        CommandRun rebuild = CommandRun.of((out, err) -> new RebuildSearchCommand(platform.dataDir(), out, err)
                .run(new String[0], KawarabanApplication.class));

        long published = catalog.countPublished();
        assertThat(rebuild.exit()).isZero();
        assertThat(rebuild.out()).isEqualTo("Search index rebuilt: " + published + " articles."
                + System.lineSeparator());
        assertThat(rebuild.err()).contains("keeps serving the old index")
                .contains("100%  " + published + " / " + published + " articles");
        assertThat(index.size()).isEqualTo(published);
    }

    @Test
    void theOperatorDoorOpensForTheTokenOnly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI rebuild = URI.create("http://localhost:" + port + "/operator/search/rebuild");
        assertThat(http.send(HttpRequest.newBuilder(rebuild).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(rebuild).header("Authorization", "Bearer not-the-token").GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        // An administrator's browser session is not the operator either.
        var admin = WebSession.loggedIn(port, "admin@example.com", KawarabanTest.DEMO_PASSWORD);
        assertThat(admin.get("/operator/search/rebuild").statusCode()).isEqualTo(401);
    }

    @Test
    void theDataDirectoryIsFoundLikeTheSiteFindsIt() {
        assertThat(DataDirectory.from(new String[] {"--data-dir=/srv/a"}, Map.of())).isEqualTo(Path.of("/srv/a"));
        assertThat(DataDirectory.from(new String[] {"--kawaraban.data-dir=/srv/b"}, Map.of("KAWARABAN_DATA_DIR", "/srv/c")))
                .isEqualTo(Path.of("/srv/b"));
        assertThat(DataDirectory.from(new String[0], Map.of("KAWARABAN_DATA_DIR", "/srv/c"))).isEqualTo(Path.of("/srv/c"));
        assertThat(DataDirectory.from(new String[0], Map.of())).isEqualTo(Path.of("./data"));
    }
}
