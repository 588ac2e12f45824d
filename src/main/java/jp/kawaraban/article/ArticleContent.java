package jp.kawaraban.article;

import java.util.List;

/**
 * Everything an editor writes for one version of an article. Saved whole as a revision,
 * so any earlier version can be shown again exactly.
 *
 * @param seriesCode  a series or column, or {@code null}
 * @param subheadline optional, {@code null} when absent
 * @param related     the editor's related articles, in the editor's order
 */
public record ArticleContent(
        String headline,
        String subheadline,
        String lead,
        Body body,
        List<String> bylines,
        String sectionCode,
        String seriesCode,
        List<String> keywords,
        AccessLevel accessLevel,
        SourceOutlet source,
        boolean topStory,
        List<ArticleId> related) {

    public ArticleContent {
        headline = required(headline, "headline");
        lead = required(lead, "lead");
        sectionCode = required(sectionCode, "section");
        subheadline = blankToNull(subheadline);
        seriesCode = blankToNull(seriesCode);
        if (body == null) {
            throw new IllegalArgumentException("An article needs a body");
        }
        if (accessLevel == null) {
            throw new IllegalArgumentException("An article needs an access level");
        }
        bylines = bylines == null ? List.of() : bylines.stream().map(String::strip).filter(b -> !b.isEmpty()).toList();
        if (bylines.isEmpty()) {
            throw new IllegalArgumentException("An article needs at least one byline");
        }
        keywords = keywords == null ? List.of()
                : keywords.stream().map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
        source = source == null ? SourceOutlet.OWN : source;
        related = related == null ? List.of() : List.copyOf(related);
    }

    /**
     * The article's readable text, the one text every analysis of the article reads: the
     * headline, the lead and the body ({@link Body#plainText()}), each starting on a line of
     * its own. The subheadline, bylines and keywords are not part of it.
     */
    public String plainText() {
        return plainText(headline, lead, body.plainText());
    }

    /**
     * {@link #plainText()} from its parts, for holders of an article's text that keep them
     * apart (the search index stores the headline, the lead and the body's text separately).
     */
    public static String plainText(String headline, String lead, String bodyText) {
        return headline + "\n" + lead + "\n" + bodyText;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An article needs a " + what);
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
