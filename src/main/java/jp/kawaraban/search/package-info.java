/**
 * Search and recommendations: the {@link jp.kawaraban.search.SearchIndex} port with its
 * embedded Lucene adapter, indexing driven by article events, the entity vocabulary and
 * entity timelines, search with snippets that respect the paywall, "did you mean" for
 * variant spellings, related articles ("recommended for you") and index rebuilds. Each
 * article the index takes in is announced with what was found in it ({@link
 * jp.kawaraban.search.ArticleAnalysed}), for modules that file articles by it.
 */
package jp.kawaraban.search;
