package jp.kawaraban.editorial;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import jp.kawaraban.EmbeddedPostgres;
import jp.kawaraban.KawarabanApplication;
import jp.kawaraban.Waiting;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import jp.kawaraban.command.NewspaperSetup;
import jp.kawaraban.editorial.internal.PublishedTermCounts;
import jp.kawaraban.platform.DatabaseStatus;
import jp.kawaraban.text.DocumentFrequencies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded PostgreSQL killed while the desk's keyword weights are counted again: the count
 * fails, the desk's keyword proposals go on weighing against the counts made before the crash
 * (an agency name the site's articles carry stays down the list), and once the database is back
 * the site is counted again, so a name published just before the crash sinks too.
 * <p>
 * Its own application, as {@code DatabaseCrashTest}: the shared test application runs on an
 * external database, which it did not start and does not restart. A newspaper's site, as there:
 * made by {@code setup} with sections of its own ({@link NewspaperSetup}), then started without
 * the demo edition, so the site's articles are the test's alone. While the database is down
 * the desk itself answers nothing (its pages need the session table, and {@link EditorsDesk#propose}
 * a transaction), so what is asserted meanwhile is what the proposals would be weighed by, asked
 * as the desk asks it ({@link PublishedTermCounts#current()}); the proposals themselves are asked
 * of the desk before and after.
 */
@ExtendWith(Waiting.class)
class KeywordWeightsAfterDatabaseCrashTest {

    /** Agency names of our own making. */
    private static final String AGENCY = "瓦版通信";
    private static final String NEWER_AGENCY = "鯱浦新報";
    /**
     * A word of the manuscripts named once, in the body, that no published article carries. The
     * agency's name, named once in the lead (which weighs more), comes before it when weighed as
     * rare or not weighed at all, and after it, or not at all, when weighed as the common name
     * it is on the site.
     */
    private static final String BODY_WORD = "倉庫街";
    private static final String[] TOPICS = {"物価", "選挙", "台風", "株価", "給食", "鉄道", "医療", "漁業", "観光", "大学",
        "水道", "防災", "図書館", "空港", "農業", "動物園", "交番", "橋梁", "競馬", "花火"};

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext site;

    @BeforeAll
    static void startTheSite() {
        NewspaperSetup.inThisJvm(dataDir, "city:市政,harbour:港湾");
        // No kawaraban.demo: a data directory that was set up starts without the demo edition.
        site = new SpringApplicationBuilder(KawarabanApplication.class).properties(
                "kawaraban.data-dir=" + dataDir,
                "server.port=0",
                // Counted again a second after a publication rather than a minute, so the test need not wait.
                "kawaraban.editorial.keyword-weights.recount-after-change=PT1S",
                // A count finds the database out of reach in seconds rather than the pool's 30.
                "spring.datasource.hikari.connection-timeout=5000").run();
    }

    @AfterAll
    static void stopTheSite() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void theProposalsKeepTheirWeightsWhileTheDatabaseIsDownAndAreWeighedAgainOnceItIsBack() throws Exception {
        PublishedTermCounts weights = site.getBean(PublishedTermCounts.class);
        assertThat(site.getBean(ArticleCatalog.class).countPublished()).as("articles before ours: none of the demo's").isZero();
        publishOwnStories();
        publishWithAgency(AGENCY);
        // The first proposals start the count; those after it are weighed by it.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(proposals(AGENCY))
                .as("weighed before the crash").matches(sunk(AGENCY), AGENCY + " sunk"));
        assertThat(proposals(NEWER_AGENCY)).as("a name no article carries yet").matches(ahead(NEWER_AGENCY), NEWER_AGENCY + " ahead");
        publishWithAgency(NEWER_AGENCY);
        Thread.sleep(1_500); // past recount-after-change: the next ask starts a count

        EmbeddedPostgres postgres = EmbeddedPostgres.of(dataDir);
        postgres.kill();
        try (AutoCloseable heldPort = postgres.holdPort()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> site.getBean(DatabaseStatus.class).isDown());
            DocumentFrequencies whileDown = weights.current(); // asks, as the desk does, and starts a count
            assertThat(whileDown.frequency(AGENCY)).as("counted before the crash").isGreaterThanOrEqualTo(TOPICS.length);
            assertThat(whileDown.frequency(NEWER_AGENCY)).as("published after that count").isZero();
            // The count ends, failed: the database cannot be reached while its port is held. Not
            // asked again meanwhile: a second ask would start another count, which might find the
            // database back before the proposals below are asked.
            await().atMost(Duration.ofSeconds(60)).until(() -> !counting());
        }

        JdbcClient jdbc = site.getBean(JdbcClient.class);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> jdbc.sql("SELECT 1").query(Integer.class).single() == 1);
        // The first proposals once it is back are weighed by the counts made before the crash (no
        // counts would put the agency first), and start again the count that failed: asked once,
        // since the count of a few dozen articles may be done before a second ask.
        assertThat(proposals(AGENCY)).as("the first proposals after the outage").matches(sunk(AGENCY), AGENCY + " sunk");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(proposals(NEWER_AGENCY))
                .as("weighed again").matches(sunk(NEWER_AGENCY), NEWER_AGENCY + " sunk"));
        assertThat(weights.current().frequency(NEWER_AGENCY)).isGreaterThanOrEqualTo(TOPICS.length);
    }

    /** The keywords the desk proposes for a story on a harbour plan that names {@code agency} in its lead. */
    private static List<String> proposals(String agency) {
        return site.getBean(EditorsDesk.class).propose(new Manuscript("港湾地区の再開発、市が計画案", null,
                agency + "の取材に対し、市は港湾地区の再開発の計画案をまとめたと答えた。",
                "倉庫街は商業施設に建て替わる。市議会の日程も決まった。市の担当者は「5年で進めたい」と話した。",
                "", "", "", "", AccessLevel.FREE, false, "", "", "")).keywords();
    }

    /**
     * The paper's own reporting, credited to nobody: a short story from the harbour on each topic.
     * With the agency's stories after it the site has more than the 30 published articles below
     * which proposals are not weighed at all ({@code kawaraban.editorial.keyword-weights.min-articles}),
     * and the agency's name is on some of them, not all.
     */
    private static void publishOwnStories() {
        ArticleDesk desk = site.getBean(ArticleDesk.class);
        for (String topic : TOPICS) {
            desk.publish(new ArticleContent("港町の" + topic + "、住民に聞く", null, "港町の住民に" + topic + "について聞いた。",
                    new Body(List.of(new Block.Paragraph("住民の多くは" + topic + "の行方を気にかけている。"))),
                    List.of("テスト 記者"), "harbour", null, List.of(), AccessLevel.FREE, null, false, List.of()));
        }
    }

    /** Publishes a short local story on each topic, each credited to {@code agency}. */
    private static void publishWithAgency(String agency) {
        ArticleDesk desk = site.getBean(ArticleDesk.class);
        for (String topic : TOPICS) {
            desk.publish(new ArticleContent(topic + "について市が説明", null, topic + "について、市は新しい方針を説明した。",
                    new Body(List.of(new Block.Paragraph(topic + "の方針は来月から実施される。（" + agency + "）"))),
                    List.of("テスト 記者"), "city", null, List.of(), AccessLevel.FREE, null, false, List.of()));
        }
    }

    /** The proposals have {@link #BODY_WORD}, and {@code term} after it or not at all: weighed as common. */
    private static Predicate<List<? extends String>> sunk(String term) {
        return proposed -> proposed.contains(BODY_WORD)
                && (!proposed.contains(term) || proposed.indexOf(term) > proposed.indexOf(BODY_WORD));
    }

    /** The proposals have {@code term} before {@link #BODY_WORD}: weighed as no more common than the subject. */
    private static Predicate<List<? extends String>> ahead(String term) {
        return proposed -> proposed.contains(BODY_WORD) && proposed.contains(term)
                && proposed.indexOf(term) < proposed.indexOf(BODY_WORD);
    }

    /**
     * Whether a count of keyword weights runs: {@code PublishedTermCounts} counts on a thread of
     * its own named so (another application of the test run may be counting too, briefly).
     * Told by the thread rather than the log: capturing the output is not safe beside the tests
     * that capture it on the other thread.
     */
    private static boolean counting() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("keyword-weights") && thread.isAlive());
    }
}
