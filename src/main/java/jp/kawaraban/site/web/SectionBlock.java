package jp.kawaraban.site.web;

import java.util.List;

import jp.kawaraban.article.ArticleSummary;
import jp.kawaraban.article.Section;

/** One section's block on the home page: its newest articles. */
public record SectionBlock(Section section, List<ArticleSummary> articles) {
}
