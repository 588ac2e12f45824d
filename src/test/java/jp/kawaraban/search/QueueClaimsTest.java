package jp.kawaraban.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleDesk;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nodes sharing one database share its indexing queue, and each change is worked by one node
 * (decision 0046): a row another node claimed, and keeps claiming, is left to it; once that
 * node stops renewing its claim (killed before it indexed), this node takes the row over, so the
 * change is not lost. The other node is a row's claim here, as a killed node leaves it; the
 * node that works is this test's application.
 */
@KawarabanTest
class QueueClaimsTest {

    @Autowired
    ArticleDesk desk;
    @Autowired
    SearchIndex index;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aChangeClaimedByAnotherNodeIsLeftToItUntilItsClaimRunsOutThenIndexedHere() {
        ArticleId claimedElsewhere = desk.publish(article());
        await().until(() -> index.find(claimedElsewhere).isPresent() && queued(claimedElsewhere) == 0);

        // Another node changed the article again and claimed the change in its transaction.
        index.remove(claimedElsewhere);
        jdbc.sql("""
                        INSERT INTO search_queue (article_id, step, queued_at, claimed_by, claimed_until)
                        VALUES (?, 'INDEX', now(), 'node-b:4242:killed', clock_timestamp() + interval '1 hour')""")
                .param(claimedElsewhere.value()).update();
        // This node's worker takes rows in the order they were queued: the later article's row comes after.
        ArticleId later = desk.publish(article());
        await().until(() -> index.find(later).isPresent());
        assertThat(index.find(claimedElsewhere)).as("left to the node that claimed it").isEmpty();
        assertThat(queued(claimedElsewhere)).as("still owed").isEqualTo(1);

        // That node was killed: its claim runs out, and the next look of this node's worker takes the row.
        jdbc.sql("UPDATE search_queue SET claimed_until = clock_timestamp() - interval '1 second' WHERE article_id = ?")
                .param(claimedElsewhere.value()).update();
        desk.publish(article()); // wakes the worker now rather than at its next idle look
        await("taken over").until(() -> index.find(claimedElsewhere).isPresent());
        await().until(() -> queued(claimedElsewhere) == 0);
    }

    private long queued(ArticleId id) {
        return jdbc.sql("SELECT count(*) FROM search_queue WHERE article_id = ?").param(id.value()).query(Long.class).single();
    }

    private static ArticleContent article() {
        String word = "claims" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).replaceAll("[0-9]", "q");
        String paragraph = "どのノードが索引するかを試す記事。";
        return new ArticleContent(word, null, paragraph, new Body(List.of(new Block.Paragraph(paragraph))),
                List.of("テスト 記者"), "world", null, List.of(), AccessLevel.FREE, null, false, List.of());
    }
}
