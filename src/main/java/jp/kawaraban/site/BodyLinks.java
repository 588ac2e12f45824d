package jp.kawaraban.site;

import java.util.List;
import java.util.Map;

import jp.kawaraban.article.Article;

/**
 * Links the article page adds to a body's text at rendering, without touching what is stored:
 * the first mention of each known person, organisation or place, to its page (decision 0035).
 * {@code site} knows no vocabulary; the module that keeps it ({@code search}) implements this.
 * The answer is the same for every reader and is kept per article ({@link SharedArticleData});
 * the page applies it only to the blocks the reader may read.
 */
public interface BodyLinks {

    /**
     * For each text of the body that gets links (a paragraph, quote or list item, as stored),
     * where they go. Headings and figure captions get none, nor do existing links.
     */
    Map<String, List<Span>> linksFor(Article article);

    /**
     * One link inside a text.
     *
     * @param run   which plain run of the text ({@code InlineText.parts}, counting links too)
     * @param start where in that run the linked words begin
     * @param end   where they end (exclusive)
     * @param href  the page they lead to (a path on this site)
     */
    record Span(int run, int start, int end, String href) {
    }

    /** No links: where no module offers them. */
    BodyLinks NONE = article -> Map.of();
}
