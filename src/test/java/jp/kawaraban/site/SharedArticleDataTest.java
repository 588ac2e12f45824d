package jp.kawaraban.site;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticleMarkup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every reader of an article shares is never kept older than the last drop, including
 * the parts worked out from the article (its page's title, its lists).
 */
class SharedArticleDataTest {

    private static final ArticleId ID = ArticleId.derivedFrom("test:shared-article-data");

    private final SharedArticleData shared = new SharedArticleData(true, 100, Duration.ofSeconds(30));

    @Test
    void aPartWorkedOutFromAnArticleLoadedBeforeADropIsNotKept() {
        // A rendering loads the article, then the desk's update drops everything, then the
        // rendering works out the title from the article it holds: the old title.
        Article before = shared.get(ID, "article", () -> article("版0"));
        shared.dropAll();
        String oldTitle = shared.from(before, "title", Article::headline);
        assertThat(oldTitle).isEqualTo("版0"); // that rendering's own page began before the update

        // Every rendering after the update gets the new title, not the one worked out above.
        Article after = shared.get(ID, "article", () -> article("版1"));
        assertThat(shared.from(after, "title", Article::headline)).isEqualTo("版1");
    }

    @Test
    void aPartWorkedOutSinceTheLastDropIsWorkedOutOnce() {
        AtomicInteger workedOut = new AtomicInteger();
        Article article = shared.get(ID, "article", () -> article("版0"));
        for (int reader = 0; reader < 5; reader++) {
            Article kept = shared.get(ID, "article", () -> article("版0"));
            String title = shared.from(kept, "title", a -> {
                workedOut.incrementAndGet();
                return a.headline();
            });
            assertThat(title).isEqualTo("版0");
        }
        assertThat(workedOut).hasValue(1);
        assertThat(shared.get(ID, "article", () -> article("not loaded again"))).isSameAs(article);
    }

    @Test
    void aPartOfAnArticleThatDidNotComeFromHereIsNotKept() {
        Article fromElsewhere = article("版0");
        assertThat(shared.from(fromElsewhere, "title", Article::headline)).isEqualTo("版0");
        Article loaded = shared.get(ID, "article", () -> article("版1"));
        assertThat(shared.from(loaded, "title", Article::headline)).isEqualTo("版1");
    }

    private static Article article(String headline) {
        ArticleContent content = new ArticleContent(headline, null, "リード。", ArticleMarkup.parse("本文。", f -> f),
                List.of("社会部 記者"), "society", null, List.of(), AccessLevel.FREE, null, false, List.of());
        return new Article(ID, content, null, null, Instant.parse("2026-12-06T00:00:00Z"), null, null, 1, null, null);
    }
}
