package jp.kawaraban.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The parts of an article's page kept for every reader (decision 0033) hold the whole
 * article; what each reader gets of its body is still decided per request. A paid member
 * opening a paid article first (so its parts are kept) must not open it for the readers after
 * them: anonymous readers, on the page, the print view and the API.
 */
@KawarabanTest
class SharedPartsPaywallTest {

    /** Paid demo article: only its opening may leave the server for readers without a subscription. */
    private static final String PAID = ArticleId.derivedFrom("demo:riyadh-talks-analysis").value();

    @LocalServerPort
    int port;
    @Autowired
    ArticleCatalog catalog;

    @Test
    void aPaidMembersViewOpensThePaidBodyForNobodyElse() {
        String lastParagraph = catalog.get(PAID).content().body().blocks().getLast().plainText();
        var paid = WebSession.loggedIn(port, "paid@example.com", KawarabanTest.DEMO_PASSWORD);
        for (int view = 0; view < 2; view++) { // the second view comes from the kept parts
            Document page = paid.page("/articles/" + PAID);
            assertThat(page.select(".article-body").text()).as("the paid member's view %d", view).contains(lastParagraph);
            assertThat(page.select(".paywall")).isEmpty();
        }

        var anonymous = new WebSession(port);
        for (String path : List.of("/articles/" + PAID, "/articles/" + PAID + "/print", "/api/v1/articles/" + PAID)) {
            assertThat(anonymous.get(path).body()).as("anonymous " + path).doesNotContain(lastParagraph);
        }
        assertThat(anonymous.page("/articles/" + PAID).select(".paywall")).hasSize(1);
    }
}
