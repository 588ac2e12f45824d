/**
 * Japanese text analysis, in plain Java without Spring: the Lucene analysis chains for
 * search, folding of katakana spelling variants, entity mentions, candidate entities,
 * keywords and date expressions. Used by {@code search} (and by any other index adapter
 * that must analyse text the same way).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package jp.kawaraban.text;
