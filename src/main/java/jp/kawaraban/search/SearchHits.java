package jp.kawaraban.search;

import java.util.List;

/**
 * A page of results and how many there are in all. {@code partial}: no article had every
 * word, so these have most of them.
 */
public record SearchHits(List<SearchHit> hits, long total, boolean partial) {
}
