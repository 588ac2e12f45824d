/**
 * Search and recommendations: the {@link jp.kawaraban.search.SearchIndex} port with its
 * embedded Lucene adapter, indexing driven by article events, the entity vocabulary and
 * entity timelines, search with snippets that respect the paywall, "did you mean" for
 * variant spellings, related articles ("recommended for you") and index rebuilds. Each
 * article the index takes in is announced with what was found in it ({@link
 * jp.kawaraban.search.ArticlesAnalysed}, a batch at a time), for modules that file articles by it.
 * <p>
 * Its pages and API are in {@code search.web}: the search page {@code /search}, the entity
 * pages {@code /entities/{id}}, "recommended for you" on the article page (through the site's
 * extension point), the administrators' index page {@code /admin/search} with its rebuild,
 * search and recommendations as JSON ({@code /api/v1/search},
 * {@code /api/v1/articles/{id}/recommendations}), and the rebuild the operator command
 * {@code rebuild-search} asks for ({@code /operator/search/rebuild}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "article", "platform", "platform::settings", "platform::web", "site", "text"})
package jp.kawaraban.search;
