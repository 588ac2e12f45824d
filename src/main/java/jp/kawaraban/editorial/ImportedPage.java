package jp.kawaraban.editorial;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.Block;
import jp.kawaraban.article.Body;
import jp.kawaraban.article.SourceOutlet;

/**
 * A partner's page as the importer read it: the article without what surrounded it.
 *
 * @param fileName    the uploaded file's name, as given
 * @param subheadline {@code null} when the page has none
 * @param lead        the page's own lead, else its first paragraph (then no longer in {@code blocks}),
 *                    else its description
 * @param publishedAt {@code null} when the page gives no date (a warning says so)
 * @param updatedAt   {@code null} unless the page says it was updated
 * @param sourceUrl   the original address (canonical link, og:url, a URL line), or {@code null}
 * @param accessLevel {@code PAID} when the original is behind its outlet's paywall, else {@code FREE}
 * @param sourceKey   what makes a second import of the same page recognisable: the original
 *                    address, else a hash of the headline and text
 */
public record ImportedPage(String fileName, String headline, String subheadline, String lead, List<String> bylines,
                           OffsetDateTime publishedAt, OffsetDateTime updatedAt, String sectionCode,
                           List<Block> blocks, String sourceName, URI sourceUrl, AccessLevel accessLevel,
                           String sourceKey, List<ImportWarning> warnings) {

    /**
     * The outlet of a page that names none and was given none: 「媒体不明」. Stored as the
     * draft's source so the desk shows it, and refused on publishing until an editor replaces it.
     */
    public static final String UNKNOWN_OUTLET = "媒体不明";

    public ImportedPage {
        bylines = List.copyOf(bylines);
        blocks = List.copyOf(blocks);
        warnings = List.copyOf(warnings);
    }

    /** The page as an article's content, crediting the partner outlet. */
    public ArticleContent content() {
        return new ArticleContent(headline, subheadline, lead, new Body(blocks), bylines, sectionCode, null, List.of(),
                accessLevel, new SourceOutlet(sourceName, sourceUrl), false, List.of());
    }

    public ImportedPage withWarning(ImportWarning warning) {
        var more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new ImportedPage(fileName, headline, subheadline, lead, bylines, publishedAt, updatedAt, sectionCode,
                blocks, sourceName, sourceUrl, accessLevel, sourceKey, more);
    }

    /** Whether nobody said whose page it is: it may be a draft, not published. */
    public boolean outletUnknown() {
        return UNKNOWN_OUTLET.equals(sourceName);
    }

    public boolean has(ImportWarning.Kind kind) {
        return warnings.stream().anyMatch(w -> w.kind() == kind);
    }
}
