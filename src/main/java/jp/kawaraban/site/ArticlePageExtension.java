package jp.kawaraban.site;

/**
 * A module's additions to the article page — expert commentary, follow and save controls,
 * "recommended for you", the newsletter box — each rendered from the adding module's own
 * template. The site collects every bean of this type (in {@code @Order}) and writes what they
 * give in the page's slots, so a module adds to the page without the site depending on it.
 * <p>
 * Called once per page view, for this request's reader, and never for the print view, which
 * shows the article alone.
 * <p>
 * A paid member's page is rendered once per article and sent from memory to the other paid
 * members (decision 0042): parts that differ between paid members must come from a bean that
 * also implements {@link PaidMemberPageParts}, which fills them per request.
 */
public interface ArticlePageExtension {

    /** What this module adds to {@code page}; {@link ArticlePageParts#NONE} for nothing. */
    ArticlePageParts partsFor(ArticlePage page);
}
