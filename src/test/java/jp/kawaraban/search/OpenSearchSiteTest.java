package jp.kawaraban.search;

/**
 * Every search behaviour of {@link SearchSiteTest} — the search page, variants and aliases,
 * partial matches, filters, paging, paid snippets, the API, entity pages, stored
 * recommendations, the administrators' rebuild — over HTTP on the OpenSearch engine.
 */
@OpenSearchEngineTest
class OpenSearchSiteTest extends SearchSiteTest {
}
