package jp.kawaraban.site.web;

import java.util.ArrayList;
import java.util.List;

import jp.kawaraban.access.ReadingAccess;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.article.Block;
import jp.kawaraban.site.ArticlePageParts;

/**
 * An article prepared for its page: formatted dates, the part of the body this reader may
 * read ({@link ReadableText}), share links, related articles.
 */
public record ArticleView(
        Article article,
        String canonicalUrl,
        String published,
        String publishedIso,
        String updated,
        String updatedIso,
        List<Block> blocks,
        ReadingAccess access,
        Paywall paywall,
        List<ShareLinks.Target> share,
        String mailto,
        List<ArticleSummary> related,
        /* What other modules add for this reader (commentary, follow and save, recommendations…); none in print. */
        ArticlePageParts parts,
        /* Links added to the body's text (entity names), for the blocks this reader gets; none in print. */
        LinkedText links,
        /* To the reader of a gift link: opened, or why not; null without a gift link. */
        GiftParts.Note giftNote,
        /* To a paid member on a paid article: make a gift link (GiftOffers); null otherwise and in print. */
        gg.jte.Content giftOffer) {

    public boolean previewOnly() {
        return !access.full();
    }

    public ArticleContent content() {
        return article.content();
    }

    /**
     * The blocks in the order the article page shows them: figures that open the body come
     * after its first paragraph (and the heading just before it), so on a phone the reader
     * meets the text on the first screen, not a chart as tall as the screen. The print view
     * and the API keep the editors' order.
     */
    public List<Block> textFirst() {
        int opening = 0;
        while (opening < blocks.size() && blocks.get(opening) instanceof Block.Figure) {
            opening++;
        }
        if (opening == 0) {
            return blocks;
        }
        int paragraph = opening;
        while (paragraph < blocks.size() && !(blocks.get(paragraph) instanceof Block.Paragraph)) {
            paragraph++;
        }
        if (paragraph == blocks.size()) {
            return blocks; // no text to bring forward: the figures stay where they are
        }
        List<Block> ordered = new ArrayList<>(blocks.subList(opening, paragraph + 1));
        ordered.addAll(blocks.subList(0, opening));
        ordered.addAll(blocks.subList(paragraph + 1, blocks.size()));
        return List.copyOf(ordered);
    }

    public String printUrl() {
        return "/articles/" + article.id().value() + "/print";
    }
}
