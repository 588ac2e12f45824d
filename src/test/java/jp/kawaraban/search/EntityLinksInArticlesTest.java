package jp.kawaraban.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.InlineText;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entity names in an article's body link to their pages (decision 0035): the first mention of
 * each, once, in paragraphs, quotes and lists, never in headings, captions or the editors' own
 * links; added when the page is rendered, the stored body untouched; and a reader held at the
 * preview gets no link from the part they may not read.
 */
@KawarabanTest
class EntityLinksInArticlesTest {

    private static final String PAID = ArticleId.derivedFrom("demo:riyadh-talks-analysis").value();

    @LocalServerPort
    int port;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    Entities entities;

    @Test
    void theFirstMentionOfEachEntityLinksToItsPageOnce() {
        Article article = catalog.get(PAID);
        List<String> expected = entitiesInTextOrder(article.content().body().blocks());
        assertThat(expected).as("the demo article names entities of the vocabulary").hasSizeGreaterThan(1);

        Document page = WebSession.loggedIn(port, "paid@example.com", DEMO_PASSWORD).page("/articles/" + PAID);
        List<Element> links = page.select(".article-body a.entity-link");
        assertThat(links.stream().map(link -> link.attr("href")).toList())
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(id -> "/entities/" + id).toList());
        assertThat(page.select(".article-body h2 a.entity-link, .article-body figcaption a.entity-link, "
                + ".article-body a a.entity-link")).isEmpty();
        for (Element link : links) {
            String id = link.attr("href").substring("/entities/".length());
            assertThat(entities.find(id)).as(id).isPresent();
            assertThat(new WebSession(port).get(link.attr("href")).statusCode()).as(link.attr("href")).isEqualTo(200);
        }
        assertThat(catalog.get(PAID).content().body().blocks()).as("the stored body is as written")
                .isEqualTo(article.content().body().blocks());
        assertThat(article.content().body().blocks().toString()).doesNotContain("/entities/");
    }

    @Test
    void aReaderAtThePreviewGetsNoLinkFromTheHiddenPart() {
        Document page = new WebSession(port).page("/articles/" + PAID);
        assertThat(page.select("aside.paywall")).hasSize(1);
        String shown = page.select(".article-body").text();
        for (Element link : page.select("a.entity-link")) {
            assertThat(shown).contains(link.text());
        }
        List<String> inPreview = entitiesInTextOrder(page.select(".article-body p").eachText().stream()
                .map(text -> (Block) new Block.Paragraph(text)).toList());
        assertThat(page.select("a.entity-link").eachAttr("href"))
                .allSatisfy(href -> assertThat(inPreview).contains(href.substring("/entities/".length())));
    }

    /** The entities named in the body's paragraphs, quotes and lists, each once, in order. */
    private List<String> entitiesInTextOrder(List<Block> blocks) {
        Set<String> found = new LinkedHashSet<>();
        for (Block block : blocks) {
            List<String> texts = switch (block) {
                case Block.Paragraph p -> List.of(p.text());
                case Block.Quote q -> List.of(q.text());
                case Block.OrderedList l -> l.items();
                case Block.UnorderedList l -> l.items();
                default -> List.of();
            };
            for (String text : texts) {
                for (InlineText.Part part : InlineText.parts(text)) {
                    if (!part.isLink()) {
                        entities.finder().find(part.text()).forEach(mention -> found.add(mention.entityId()));
                    }
                }
            }
        }
        return new ArrayList<>(found);
    }
}
