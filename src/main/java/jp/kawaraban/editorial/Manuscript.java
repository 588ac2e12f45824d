package jp.kawaraban.editorial;

import java.util.Arrays;
import java.util.List;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.ArticleMarkup;
import jp.kawaraban.article.SourceOutlet;

/**
 * The editor's form as typed: plain strings, so a refused save can show every field back
 * exactly as the editor left it.
 *
 * @param body     the body in the light markup (docs/article-format.md)
 * @param bylines  one byline per line
 * @param keywords separated by lines, commas or 「、」
 * @param related  article ids separated by spaces, commas or lines, in the editor's order
 */
public record Manuscript(
        String headline,
        String subheadline,
        String lead,
        String body,
        String bylines,
        String sectionCode,
        String seriesCode,
        String keywords,
        AccessLevel accessLevel,
        boolean topStory,
        String related,
        String sourceOutlet,
        String sourceUrl) {

    public Manuscript {
        headline = orEmpty(headline);
        subheadline = orEmpty(subheadline);
        lead = orEmpty(lead);
        body = orEmpty(body).replace("\r\n", "\n");
        bylines = orEmpty(bylines).replace("\r\n", "\n");
        sectionCode = orEmpty(sectionCode);
        seriesCode = orEmpty(seriesCode);
        keywords = orEmpty(keywords);
        accessLevel = accessLevel == null ? AccessLevel.FREE : accessLevel;
        related = orEmpty(related);
        sourceOutlet = orEmpty(sourceOutlet);
        sourceUrl = orEmpty(sourceUrl);
    }

    public static final Manuscript BLANK = new Manuscript("", "", "", "", "", "", "", "", AccessLevel.FREE, false, "",
            "", "");

    /** The form showing a stored version. */
    public static Manuscript of(ArticleContent content) {
        return new Manuscript(content.headline(), content.subheadline(), content.lead(),
                ArticleMarkup.format(content.body()), String.join("\n", content.bylines()), content.sectionCode(),
                content.seriesCode(), String.join("、", content.keywords()), content.accessLevel(),
                content.topStory(), String.join(" ", content.related().stream().map(ArticleId::value).toList()),
                content.source().name(),
                content.source().originalUrl() == null ? "" : content.source().originalUrl().toString());
    }

    public List<String> bylineList() {
        return split(bylines, "\\n");
    }

    public List<String> keywordList() {
        return split(keywords, "[\\n,，、]");
    }

    public List<String> relatedList() {
        return split(related, "[\\s,，、]+");
    }

    /** The text the proposals are computed from: headline, lead, then the body. */
    public String text() {
        return headline + "\n\n" + lead + "\n\n" + body;
    }

    SourceOutlet source() {
        if (sourceOutlet.isBlank()) {
            return SourceOutlet.OWN;
        }
        return new SourceOutlet(sourceOutlet.strip(), sourceUrl.isBlank() ? null : java.net.URI.create(sourceUrl.strip()));
    }

    private static List<String> split(String text, String separators) {
        return Arrays.stream(text.split(separators)).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
