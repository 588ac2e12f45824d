/**
 * What readers and crawlers see: layout, home and listing pages, the article page and its
 * print view, share bar, error pages, feeds, sitemap, structured data and the JSON API.
 * Reads articles only through {@code article}'s public API.
 */
package jp.kawaraban.site;
