package jp.kawaraban.site.web;

import java.util.List;

import jp.kawaraban.article.Section;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;

/**
 * What the layout around every page needs: wording, the publication's name, the section
 * navigation, the page's head data and who is looking.
 */
public record Chrome(Messages msg, String siteName, List<Section> sections, PageMeta meta, String currentSection,
                     Visitor visitor) {
}
