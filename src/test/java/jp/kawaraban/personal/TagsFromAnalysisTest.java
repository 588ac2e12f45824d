package jp.kawaraban.personal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import jp.kawaraban.member.Role;
import jp.kawaraban.search.ArticleAnalysed;
import jp.kawaraban.search.IndexRebuilds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * My News tags come from search's analysis of each article ({@link ArticleAnalysed};
 * decision 0008, revised): whatever mends the index mends the tags, and the tags an analysis
 * writes are the same however often it is delivered.
 */
@KawarabanTest
class TagsFromAnalysisTest {

    @Autowired
    ArticleDesk desk;
    @Autowired
    Accounts accounts;
    @Autowired
    Follows follows;
    @Autowired
    MyNews myNews;
    @Autowired
    IndexRebuilds rebuilds;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EventPublicationRegistry publications;

    @Test
    void anIndexRebuildRewritesMyNewsTags() {
        String marker = "再構築" + UUID.randomUUID().toString().substring(0, 8);
        Member member = accounts.createVerified("rebuild-" + UUID.randomUUID() + "@example.com",
                "password-" + UUID.randomUUID(), "再構築 確認", Set.of(Role.EXPERT));
        follows.follow(member.id(), "entity", "marco-rubio");
        ArticleId id = desk.publish(new ArticleContent("ルビオ氏が来日へ " + marker, null,
                "米国のルビオ国務長官が来週来日する。", new Body(List.of(new Block.Paragraph("ルビオ国務長官は外相と会談する予定だ。"))),
                List.of("テスト 記者"), "world", null, List.of(marker), AccessLevel.FREE, null, false, List.of()));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> inMyNews(member, id));
            List<String> tagged = tags(id);
            assertThat(tagged).contains("ENTITY:marco-rubio", "KEYWORD:" + marker);

            // Tags gone stale, as when the vocabulary changed without this article being looked at
            // again: its own are lost and it carries one of an entity it does not name.
            jdbc.sql("delete from personal_article_tag where article_id = ?").param(id.value()).update();
            jdbc.sql("insert into personal_article_tag (article_id, kind, value, published_at) values (?, 'ENTITY', ?, now())")
                    .params(id.value(), "stale-" + marker).update();
            assertThat(inMyNews(member, id)).isFalse();

            await().atMost(Duration.ofSeconds(30)).until(rebuilds::start);
            await().atMost(Duration.ofMinutes(2)).until(() -> !rebuilds.progress().running());
            assertThat(rebuilds.progress().error()).isNull();

            // The rebuild announced the article with the index, and My News has it back, tagged as before.
            await().atMost(Duration.ofSeconds(30)).until(() -> inMyNews(member, id));
            await().atMost(Duration.ofSeconds(30)).until(() -> tags(id).equals(tagged));
        } finally {
            desk.withdraw(id);
            follows.unfollow(member.id(), "entity", "marco-rubio");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> tags(id).isEmpty() && !inMyNews(member, id));
    }

    @Test
    void theSameAnalysisTwiceLeavesTheSameTagsAndOnlyANewerOneReplacesThem() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        ArticleId id = ArticleId.random(); // the tags alone are looked at: no article is needed
        Instant analysedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant publishedAt = analysedAt.minus(Duration.ofHours(1));
        ArticleAnalysed analysed = new ArticleAnalysed(id, analysedAt, publishedAt, "ukraine-talks",
                List.of("検証" + marker, "ＡＢＣ" + marker), List.of("one-" + marker, "two-" + marker));
        try {
            announce(analysed);
            List<String> first = tags(id);
            assertThat(first).containsExactlyInAnyOrder("SERIES:ukraine-talks", "KEYWORD:検証" + marker,
                    "KEYWORD:ABC" + marker, "ENTITY:one-" + marker, "ENTITY:two-" + marker);
            assertThat(publishedAt(id)).containsOnly(publishedAt);

            announce(analysed);
            assertThat(tags(id)).isEqualTo(first);

            // A newer analysis replaces every tag of the older one.
            ArticleAnalysed newer = new ArticleAnalysed(id, analysedAt.plusSeconds(1), publishedAt, null,
                    List.of("新" + marker), List.of("two-" + marker));
            announce(newer);
            assertThat(tags(id)).containsExactlyInAnyOrder("KEYWORD:新" + marker, "ENTITY:two-" + marker);

            // One delivered late, after a newer one was applied, changes nothing.
            announce(new ArticleAnalysed(id, analysedAt, publishedAt, "ukraine-talks", List.of("古" + marker),
                    List.of("one-" + marker)));
            assertThat(tags(id)).containsExactlyInAnyOrder("KEYWORD:新" + marker, "ENTITY:two-" + marker);
        } finally {
            jdbc.sql("delete from personal_article_tag where article_id = ?").param(id.value()).update();
            jdbc.sql("delete from personal_article_analysis where article_id = ?").param(id.value()).update();
        }
    }

    /** Publishes the event as search does, and waits until its listeners are done with it. */
    private void announce(ArticleAnalysed analysed) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(analysed));
        await().atMost(Duration.ofSeconds(30)).until(() -> publications.findIncompletePublications().stream()
                .noneMatch(publication -> analysed.equals(publication.getEvent())));
    }

    private boolean inMyNews(Member member, ArticleId id) {
        return myNews.page(member.id(), 1, 100).items().stream().anyMatch(item -> item.article().id().equals(id));
    }

    /** The article's tags as {@code KIND:value}, sorted. */
    private List<String> tags(ArticleId id) {
        return jdbc.sql("select kind || ':' || value from personal_article_tag where article_id = ? order by kind, value")
                .param(id.value()).query(String.class).list();
    }

    private List<Instant> publishedAt(ArticleId id) {
        return jdbc.sql("select published_at from personal_article_tag where article_id = ?").param(id.value())
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }
}
