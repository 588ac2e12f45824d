package jp.kawaraban.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jp.kawaraban.TestDatabase;
import jp.kawaraban.Waiting;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.search.lucene.LuceneSearchIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16: {@code import --publish} of an archive, killed with SIGKILL halfway (the command
 * and the application it started are one process), then run again with the same arguments:
 * it finishes the rest, nothing is stored twice, and every article ends up indexed with its
 * recommendation list. The commands run as an operator runs them, in child JVMs (the
 * application's main class on the test class path), on a fresh database of the test server
 * made a newspaper's as in production: {@code setup} first, with sections of our own, then the
 * import without the demo edition ({@link NewspaperSetup}). The demo's path is not run here:
 * its import differs only by the demo's articles in the same index and lists, which the import
 * tests on the shared application cover; what a kill leaves behind is the same.
 */
@ExtendWith(Waiting.class)
class ImportAfterCrashTest {

    private static final int FILES = 240;
    /**
     * The newspaper's sections: none of the starters, none of the demo's. The archive's pages name
     * no section and their words point to none, so each goes to the import's default section,
     * which setup made the first of these.
     */
    private static final String SECTIONS = "local:地域,harbour:港湾";
    private static final String SECTION = "local";
    private static final Duration RUN = Duration.ofMinutes(8); // start-ups took minutes on the loaded machine

    private Process running;

    @AfterEach
    void killLeftovers() {
        if (running != null && running.isAlive()) {
            running.destroyForcibly();
        }
    }

    @Test
    void anImportKilledHalfwayFinishesTheRestWhenRunAgainWithNothingTwice(@TempDir Path work) throws Exception {
        Path archive = archive(work.resolve("archive"));
        String database = TestDatabase.newDatabase();
        Path dataDir = work.resolve("data");
        setUp(database, dataDir, work);

        // 1. Killed once some of the files are stored.
        Path firstOut = work.resolve("first.out");
        running = command(database, dataDir, archive, firstOut, work.resolve("first.err"));
        await("a first part imported (log: " + work.resolve("first.err") + ")").atMost(RUN)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    assertThat(running.isAlive()).as("the first run is still running").isTrue();
                    return Files.readAllLines(firstOut).size() >= FILES / 4;
                });
        running.destroyForcibly();
        running.waitFor();
        int storedAtKill = articles(database, "SELECT count(*) FROM article WHERE source_key LIKE 'import:https://crash.example/%'");
        assertThat(storedAtKill).as("killed halfway").isBetween(FILES / 4, FILES - 1);

        // 2. The same command again, to the end.
        Path secondOut = work.resolve("second.out");
        running = command(database, dataDir, archive, secondOut, work.resolve("second.err"));
        assertThat(running.waitFor(RUN.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                .as("the second run finished (log: " + work.resolve("second.err") + ")").isTrue();
        assertThat(running.exitValue()).as("exit code (log: " + work.resolve("second.err") + ")").isZero();

        List<String> lines = Files.readAllLines(secondOut);
        assertThat(lines).hasSize(FILES);
        long before = lines.stream().filter(line -> line.contains("\"duplicateOf\"")).count();
        assertThat(before).as("files found imported by the killed run").isGreaterThanOrEqualTo(storedAtKill);
        assertThat(lines).noneMatch(line -> line.contains("\"error\""));

        assertThat(articles(database, """
                SELECT count(*) FROM article WHERE source_key LIKE 'import:https://crash.example/%' AND status = 'PUBLISHED'"""))
                .as("one article per file").isEqualTo(FILES);
        assertThat(articles(database, """
                SELECT count(DISTINCT source_key) FROM article WHERE source_key LIKE 'import:https://crash.example/%'"""))
                .isEqualTo(FILES);
        assertThat(articles(database, "SELECT count(*) FROM search_queue")).as("nothing left to index").isZero();
        assertThat(articles(database, """
                SELECT count(*) FROM article a JOIN search_recommendation r ON r.article_id = a.id
                WHERE a.source_key LIKE 'import:https://crash.example/%'""")).as("every list computed").isEqualTo(FILES);
        List<String> ids = ids(database);
        try (LuceneSearchIndex index = new LuceneSearchIndex(dataDir.resolve("search"))) {
            assertThat(ids).allSatisfy(id -> assertThat(index.find(new ArticleId(id))).as("indexed: " + id).isPresent());
        }
        assertOnlyTheNewspapersArticles(database);
    }

    /**
     * Killed once every file is stored, while the command waits for the index and the lists
     * (staged batches not committed yet, lists half computed): the same command again stores
     * nothing, and finishes the index and every list.
     */
    @Test
    void anImportKilledWhileItsArticlesAreIndexedAndListedFinishesThatWhenRunAgain(@TempDir Path work) throws Exception {
        Path archive = archive(work.resolve("archive"));
        String database = TestDatabase.newDatabase();
        Path dataDir = work.resolve("data");
        setUp(database, dataDir, work);

        Path firstOut = work.resolve("first.out");
        running = command(database, dataDir, archive, firstOut, work.resolve("first.err"));
        await("every file stored (log: " + work.resolve("first.err") + ")").atMost(RUN)
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    assertThat(running.isAlive()).as("the first run is still running").isTrue();
                    return Files.readAllLines(firstOut).size() >= FILES;
                });
        running.destroyForcibly();
        running.waitFor();
        assertThat(articles(database, "SELECT count(*) FROM article WHERE source_key LIKE 'import:https://crash.example/%'"))
                .isEqualTo(FILES);
        assertThat(articles(database, "SELECT count(*) FROM search_queue")).as("index or lists owed at the kill").isPositive();

        Path secondOut = work.resolve("second.out");
        running = command(database, dataDir, archive, secondOut, work.resolve("second.err"));
        assertThat(running.waitFor(RUN.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                .as("the second run finished (log: " + work.resolve("second.err") + ")").isTrue();
        assertThat(running.exitValue()).isZero();
        assertThat(Files.readAllLines(secondOut)).hasSize(FILES).allMatch(line -> line.contains("\"duplicateOf\""));

        assertThat(articles(database, "SELECT count(*) FROM search_queue")).as("nothing left to index or list").isZero();
        assertThat(articles(database, """
                SELECT count(*) FROM article a JOIN search_recommendation r ON r.article_id = a.id
                WHERE a.source_key LIKE 'import:https://crash.example/%'"""))
                .as("every list computed").isEqualTo(FILES);
        List<String> ids = ids(database);
        try (LuceneSearchIndex index = new LuceneSearchIndex(dataDir.resolve("search"))) {
            assertThat(ids).allSatisfy(id -> assertThat(index.find(new ArticleId(id))).as("indexed: " + id).isPresent());
        }
        assertOnlyTheNewspapersArticles(database);
    }

    /** Made-up articles in the livedoor layout, each with its own address (what makes a repeat known). */
    private static Path archive(Path dir) throws IOException {
        Files.createDirectories(dir);
        String[] towns = {"北浜町", "西谷村", "南坂市", "東原町", "中島村", "山吹市"};
        String[] subjects = {"図書館の建て替え", "路線バスの減便", "駅前の再開発", "小学校の統合", "夏祭りの再開", "水道料金の改定"};
        for (int n = 0; n < FILES; n++) {
            String town = towns[n % towns.length];
            String subject = subjects[(n / towns.length) % subjects.length];
            String text = String.join("\n",
                    "https://crash.example/archive/" + n,
                    String.format("2025-%02d-%02dT09:00:00+0900", 1 + n % 12, 1 + n % 28),
                    town + "、" + subject + "を議会で審議　第" + n + "報",
                    town + "の議会は" + subject + "について審議を始めた。町民の意見を聞く会も開く予定だ。",
                    subject + "をめぐっては、" + town + "の住民から賛否の声が上がっている。担当者は「丁寧に説明したい」と話した。",
                    "議会は来月までに結論を出す見通しで、" + town + "は説明資料を公開した。") + "\n";
            Files.writeString(dir.resolve(String.format("page-%04d.txt", n)), text, StandardCharsets.UTF_8);
        }
        return dir;
    }

    /**
     * {@code java -jar kawaraban.jar setup …} on the fresh database, as a newspaper's operator
     * runs it once before anything else: the site's name, its administrator, our sections.
     */
    private static void setUp(String database, Path dataDir, Path work) throws Exception {
        NewspaperSetup.inChildJvm(dataDir, SECTIONS, work.resolve("setup.log"), "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres", "--spring.datasource.password=");
        assertThat(articles(database, "SELECT count(*) FROM article_section")).as("our sections, no others").isEqualTo(2);
    }

    /** {@code java -jar kawaraban.jar import --publish --data-dir=… FOLDER}, on the test class path, without the demo. */
    private static Process command(String database, Path dataDir, Path archive, Path out, Path err) throws IOException {
        return NewspaperSetup.childJvm(List.of(
                        // small batches, so that a kill falls between commits of the import
                        "import", "--publish", "--batch=20", "--data-dir=" + dataDir,
                        "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        // a newspaper's site: its sections are the ones setup made
                        "--kawaraban.demo=false",
                        archive.toString()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    /**
     * Every article in the database is one of the archive's, in the section the site's setup made
     * the import's default: nothing of the demo edition (whose articles are keyed {@code demo:…}).
     */
    private static void assertOnlyTheNewspapersArticles(String database) throws SQLException {
        assertThat(articles(database, "SELECT count(*) FROM article WHERE source_key LIKE 'demo:%'")).as("demo articles").isZero();
        assertThat(articles(database, "SELECT count(*) FROM article")).as("articles of any kind").isEqualTo(FILES);
        assertThat(articles(database, "SELECT count(*) FROM article WHERE section_code = '" + SECTION + "'"))
                .as("in the default section setup chose").isEqualTo(FILES);
        assertThat(articles(database, "SELECT count(*) FROM member_account")).as("the administrator setup made, nobody else")
                .isEqualTo(1);
    }

    private static int articles(String database, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(database, "postgres", "");
             ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static List<String> ids(String database) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(database, "postgres", "");
             ResultSet rows = db.createStatement().executeQuery(
                     "SELECT id FROM article WHERE source_key LIKE 'import:https://crash.example/%'")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
