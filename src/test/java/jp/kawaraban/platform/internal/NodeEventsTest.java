package jp.kawaraban.platform.internal;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jp.kawaraban.DeskForm;
import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import jp.kawaraban.platform.settings.Settings;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Node-wide events over PostgreSQL's LISTEN/NOTIFY, seen from one node (the test application):
 * what it sends when it changes an article, and what it does with what other nodes send — the
 * other node being this test, which changes rows with SQL (as another node's transaction would)
 * and notifies on the channel as a node does. The two-node test with a second application in
 * its own JVM is {@code TwoNodesTest}.
 */
@KawarabanTest
class NodeEventsTest {

    private static final String CHANNEL = "kawaraban_node_events";
    private static final Duration HEARD_WITHIN = Duration.ofSeconds(2);

    @LocalServerPort
    int port;
    @Autowired
    ArticleDesk desk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Settings settings;

    @Test
    void aChangeMadeHereIsNotifiedToTheOtherNodesWhenItCommitsAndNotWhenItRollsBack() throws Exception {
        try (Connection otherNode = connect()) {
            otherNode.createStatement().execute("LISTEN " + CHANNEL);
            ArticleId published = desk.publish(article("node-" + unique(), "ほかのノードに知らせる記事。"));
            List<String> heard = await().atMost(HEARD_WITHIN).until(() -> notifications(otherNode), list -> !list.isEmpty());
            assertThat(heard).anySatisfy(payload -> assertThat(payload)
                    .contains("\"type\":\"jp.kawaraban.article.ArticlePublished\"")
                    .contains("\"articleId\":\"" + published.value() + "\""));

            String headline = "rolled-back-" + unique();
            try {
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    desk.publish(article(headline, "取り消される記事。"));
                    throw new IllegalStateException("rolled back on purpose");
                });
            } catch (IllegalStateException expected) {
                // the change and its notification go together
            }
            desk.withdraw(published);
            List<String> afterwards = await().atMost(HEARD_WITHIN).until(() -> notifications(otherNode), list -> !list.isEmpty());
            assertThat(afterwards).anySatisfy(payload -> assertThat(payload).contains("ArticleWithdrawn"));
            assertThat(afterwards).noneSatisfy(payload -> assertThat(payload).contains("ArticlePublished"));
        }
    }

    @Test
    void anArticleChangedOnAnotherNodeIsFoundHereWithinTwoSecondsAndNothingSharedIsWrittenAgain() throws Exception {
        var reader = new WebSession(port);
        ArticleId id = publishedAndIndexed(reader, "元の見出しの記事");
        Timestamp analysedAt = analysedAt(id);
        // Another node's transaction changes the headline and, as it commits, says so.
        String word = newHeadlineBehindItsBack(id);
        assertThat(found(reader, word)).as("not heard of yet").doesNotContain("/articles/" + id.value());
        notifyAsAnotherNode("jp.kawaraban.article.ArticleUpdated",
                "{\"articleId\":\"" + id.value() + "\",\"revision\":2,\"updatedAt\":\"" + Instant.now() + "\"}");
        await().atMost(HEARD_WITHIN).until(() -> found(reader, word).contains("/articles/" + id.value()));
        assertThat(analysedAt(id)).as("the analysis others file by is the changing node's to write, not ours")
                .isEqualTo(analysedAt);

        jdbc.sql("update article set status = 'WITHDRAWN', withdrawn_at = now() where id = ?").param(id.value()).update();
        notifyAsAnotherNode("jp.kawaraban.article.ArticleWithdrawn",
                "{\"articleId\":\"" + id.value() + "\",\"withdrawnAt\":\"" + Instant.now() + "\"}");
        await().atMost(HEARD_WITHIN).until(() -> !found(reader, word).contains("/articles/" + id.value()));
    }

    @Test
    void whatCannotBeReadIsLeftAndWhatFollowsIsStillHeard() throws Exception {
        var reader = new WebSession(port);
        ArticleId id = publishedAndIndexed(reader, "読めない通知のあとの記事");
        String word = newHeadlineBehindItsBack(id);
        try (Connection otherNode = connect(); Statement statement = otherNode.createStatement()) {
            statement.execute("select pg_notify('" + CHANNEL + "', 'not json')");
            statement.execute("select pg_notify('" + CHANNEL + "', '{\"node\":\"x\",\"type\":\"java.lang.Runtime\",\"event\":{}}')");
            statement.execute("select pg_notify('" + CHANNEL + "', '{\"node\":\"x\",\"type\":\"jp.kawaraban.NoSuchEvent\",\"event\":{}}')");
        }
        notifyAsAnotherNode("jp.kawaraban.article.ArticleUpdated",
                "{\"articleId\":\"" + id.value() + "\",\"revision\":2,\"updatedAt\":\"" + Instant.now() + "\"}");
        await().atMost(HEARD_WITHIN).until(() -> found(reader, word).contains("/articles/" + id.value()));
    }

    @Test
    void aSectionRenamedOnAnotherNodeIsInTheNavigationHereAtOnce() throws Exception {
        var reader = new WebSession(port);
        String code = jdbc.sql("select code from article_section order by position limit 1").query(String.class).single();
        String name = jdbc.sql("select name from article_section where code = ?").param(code).query(String.class).single();
        assertThat(reader.page("/").select("nav a").eachText()).contains(name);
        String renamed = name + "（改）";
        try {
            jdbc.sql("update article_section set name = ? where code = ?").params(renamed, code).update();
            notifyAsAnotherNode("jp.kawaraban.article.SectionsChanged",
                    "{\"section\":{\"code\":\"" + code + "\",\"name\":\"" + renamed + "\"},\"position\":1}");
            await().atMost(HEARD_WITHIN).until(() -> reader.page("/").select("nav a").eachText().contains(renamed));
        } finally {
            jdbc.sql("update article_section set name = ? where code = ?").params(name, code).update();
            notifyAsAnotherNode("jp.kawaraban.article.SectionsChanged",
                    "{\"section\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\"},\"position\":1}");
            await().atMost(HEARD_WITHIN).until(() -> reader.page("/").select("nav a").eachText().contains(name));
        }
    }

    @Test
    void aSettingChangedOnAnotherNodeShowsHereAtOnceInPagesThisNodeHadCached() throws Exception {
        var reader = new WebSession(port);
        String before = reader.page("/").title();
        String name = "ノード試験新聞" + unique();
        String stored = jdbc.sql("select value from platform_setting where name = 'publication.name'")
                .query(String.class).optional().orElse(null);
        try {
            reader.page("/"); // cached now
            settings.isSetUp(); // and the settings just read, so this node's copy of them is fresh
            jdbc.sql("insert into platform_setting (name, value, changed_at) values ('publication.name', ?, now()) "
                    + "on conflict (name) do update set value = excluded.value").param(name).update();
            notifyAsAnotherNode("jp.kawaraban.platform.Audited", "{\"actor\":{\"id\":\"m1\",\"name\":\"管理者\"},"
                    + "\"action\":\"settings.update\",\"subject\":\"setting:publication.name\",\"detail\":null}");
            // Well within the settings cache's five seconds and the page cache's thirty.
            await().atMost(HEARD_WITHIN).until(() -> reader.page("/").title().contains(name));
        } finally {
            if (stored == null) {
                jdbc.sql("delete from platform_setting where name = 'publication.name'").update();
            } else {
                jdbc.sql("update platform_setting set value = ? where name = 'publication.name'").param(stored).update();
            }
            notifyAsAnotherNode("jp.kawaraban.platform.Audited", "{\"actor\":{\"id\":\"m1\",\"name\":\"管理者\"},"
                    + "\"action\":\"settings.update\",\"subject\":\"setting:publication.name\",\"detail\":null}");
            await().atMost(HEARD_WITHIN).until(() -> reader.page("/").title().equals(before));
        }
    }

    @Test
    void afterLosingItsConnectionTheNodeListensAgainAndCatchesUpWithWhatItMissed() throws Exception {
        var reader = new WebSession(port);
        ArticleId id = publishedAndIndexed(reader, "取り逃がした変更の記事");
        // Changed on another node while this one was not listening: no notification reaches it.
        String word = newHeadlineBehindItsBack(id);
        assertThat(found(reader, word)).doesNotContain("/articles/" + id.value());

        int cutOff = jdbc.sql("select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity "
                + "where application_name = 'kawaraban node events' and datname = current_database()) t")
                .query(Integer.class).single();
        assertThat(cutOff).as("the listening connection, not one of the pool's").isEqualTo(1);

        // Catching up indexes again every article changed since the last catch-up (less a margin of two
        // minutes): here the demo edition's too, written at start-up. Tens of seconds on a loaded machine.
        await("listening again, and caught up").atMost(Duration.ofSeconds(60))
                .until(() -> found(reader, word).contains("/articles/" + id.value()));
        assertThat(listeners()).as("one listening connection again").isEqualTo(1);
    }

    @Test
    void aStaffChangeSentByAFormIsToldToTheOtherNodesSoTheyDropTheirPages() throws Exception {
        WebSession editor = WebSession.loggedIn(port, "editor@example.com", KawarabanTest.DEMO_PASSWORD);
        try (Connection otherNode = connect()) {
            otherNode.createStatement().execute("LISTEN " + CHANNEL);
            HttpResponse<String> saved = editor.submit("/editor/articles/new", "/editor/articles",
                    DeskForm.manuscript("下書きの見出し" + unique(), "下書きのリード。", "下書きの本文。", "", "FREE"));
            assertThat(saved.statusCode()).as("the draft saved").isLessThan(400);
            List<String> heard = await().atMost(HEARD_WITHIN).until(() -> notifications(otherNode), list -> !list.isEmpty());
            assertThat(heard).anySatisfy(payload -> assertThat(payload)
                    .contains("\"type\":\"jp.kawaraban.site.ReadersPagesChanged\"")
                    .contains("\"path\":\"/editor/articles\""));

            // A reader's own change (following, saving, their account) is nobody else's business.
            editor.submit("/my/account", "/logout", java.util.Map.of());
            assertThat(notifications(otherNode)).noneSatisfy(payload -> assertThat(payload).contains("ReadersPagesChanged"));
        }
    }

    @Test
    void anEntityAddedOnAnotherNodeIsFoundInThisNodesArticlesWithoutARestart() throws Exception {
        var reader = new WebSession(port);
        String name = "ヴァルトシュタイン" + katakana();
        String word = "entityword" + unique();
        ArticleId id = desk.publish(article(word, name + "氏が来日し、会談に臨んだ。"));
        await().until(() -> found(reader, word).contains("/articles/" + id.value()));
        String entity = "node-entity-" + unique();
        assertThat(foundAbout(reader, word, entity)).isEmpty();

        // Another node adds the entity (its own index and the shared rows are its business) and says so.
        jdbc.sql("insert into search_entity (id, canonical_name, kind, updated_at) values (?, ?, 'PERSON', now())")
                .params(entity, name).update();
        notifyAsAnotherNode("jp.kawaraban.search.EntityNamesChanged", "{\"entityId\":\"" + entity
                + "\",\"canonicalName\":\"" + name + "\",\"addedNames\":[\"" + name + "\"],\"removedNames\":[]}");
        await("this node's index has the mention").atMost(HEARD_WITHIN)
                .until(() -> foundAbout(reader, word, entity).contains("/articles/" + id.value()));
    }

    @Test
    void theIndexNotesHowFarItIsCurrentWhileTheNodeListensNotOnlyWhenItStarts(
            @Autowired jp.kawaraban.platform.PlatformProperties platform) throws Exception {
        java.nio.file.Path mark = platform.dataDir().resolve("search-caught-up-to");
        Instant testStarted = Instant.now();
        // kawaraban.node-events.heard-every is 1 s in the tests (a minute by default).
        await("the caught-up mark moves past now").atMost(Duration.ofSeconds(10))
                .until(() -> java.nio.file.Files.exists(mark)
                        && Instant.parse(java.nio.file.Files.readString(mark).strip()).isAfter(testStarted));
    }

    // --- helpers ---------------------------------------------------------------------

    /** Search results for {@code query} among the articles the index holds with this entity. */
    private static List<String> foundAbout(WebSession reader, String query, String entity) {
        return reader.page("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&entity=" + entity)
                .select(".result-headline").eachAttr("href");
    }

    private static String katakana() {
        String letters = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロ";
        var random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            name.append(letters.charAt(random.nextInt(letters.length())));
        }
        return name.toString();
    }

    /** An article published here, once this node's own indexing of it can be searched. */
    private ArticleId publishedAndIndexed(WebSession reader, String lead) {
        ArticleId id = desk.publish(article("node-" + unique(), lead + "。"));
        await().until(() -> found(reader, lead).contains("/articles/" + id.value()));
        return id;
    }

    /** Changes the headline with SQL, as another node's transaction would: this node hears nothing of it. @return the new headline */
    private String newHeadlineBehindItsBack(ArticleId id) {
        String word = "nodeword" + unique();
        jdbc.sql("update article set headline = ? where id = ?").params(word, id.value()).update();
        return word;
    }

    private void notifyAsAnotherNode(String type, String event) throws Exception {
        String payload = "{\"node\":\"another-node\",\"type\":\"" + type + "\",\"event\":" + event + "}";
        try (Connection otherNode = connect(); var statement = otherNode.prepareStatement("select pg_notify(?, ?)")) {
            statement.setString(1, CHANNEL);
            statement.setString(2, payload);
            statement.execute();
        }
    }

    private int listeners() {
        return jdbc.sql("select count(*) from pg_stat_activity where application_name = 'kawaraban node events' "
                + "and datname = current_database()").query(Integer.class).single();
    }

    private static List<String> found(WebSession reader, String query) {
        return reader.page("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .select(".result-headline").eachAttr("href");
    }

    private Timestamp analysedAt(ArticleId id) {
        return await().until(() -> jdbc.sql("select analysed_at from personal_article_analysis where article_id = ?")
                .param(id.value()).query(Timestamp.class).optional().orElse(null), at -> at != null);
    }

    private Connection connect() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    private static List<String> notifications(Connection connection) throws Exception {
        List<String> payloads = new ArrayList<>();
        PGNotification[] received = connection.unwrap(PGConnection.class).getNotifications(200);
        if (received != null) {
            for (PGNotification notification : received) {
                payloads.add(notification.getParameter());
            }
        }
        return payloads;
    }

    static ArticleContent article(String headline, String paragraph) {
        return new ArticleContent(headline, null, paragraph, new Body(List.of(new Block.Paragraph(paragraph))),
                List.of("テスト 記者"), "world", null, List.of(), AccessLevel.FREE, null, false, List.of());
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).replaceAll("[0-9]", "x");
    }
}
