/**
 * The reader shell: the layout around every page, home and listing pages, the article page
 * and its print view, share bar, feeds, sitemap, structured data, the article API, images,
 * error pages and the one place refusals are answered, cache headers. Reads articles only
 * through {@code article}'s public API and asks {@code access} what each reader may read.
 * <p>
 * Its root package is what other modules may use: the places they add to its pages
 * ({@link jp.kawaraban.site.ArticlePageExtension}, {@link jp.kawaraban.site.TopicPageExtension})
 * and its one cache rule. It knows none of the modules that add to it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "article", "member", "platform", "platform::settings", "platform::web"})
package jp.kawaraban.site;
