/**
 * Articles and their revisions, sections, series and columns, figures; the read facade
 * ({@link jp.kawaraban.article.ArticleCatalog}) and the write facade
 * ({@link jp.kawaraban.article.ArticleDesk}); the events other modules follow
 * ({@code ArticlePublished}, {@code ArticleUpdated}, {@code ArticleWithdrawn},
 * {@code KeywordRenamed}, {@code SectionsChanged}); the demo edition's articles.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package jp.kawaraban.article;
