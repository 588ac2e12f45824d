/**
 * The editors' desk: writing and revising articles through their workflow (draft,
 * scheduled, published, updated, corrected, withdrawn), figures, related picks, keyword and
 * entity proposals, sections, series and the entity vocabulary, imports of partner pages,
 * and the audit log of every change. Articles themselves are stored by {@code article}
 * (through {@link jp.kawaraban.article.ArticleDesk}); the pages live in {@code site.web}.
 */
package jp.kawaraban.editorial;
