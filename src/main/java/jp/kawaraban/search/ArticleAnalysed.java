package jp.kawaraban.search;

import java.time.Instant;
import java.util.List;

import jp.kawaraban.article.ArticleId;

/**
 * The search index took in an article as it is now: published or updated, found again after
 * the vocabulary or a keyword changed, or walked by a rebuild. Carries what the analysis
 * found, so modules that file articles by what they mention (My News) take it from here
 * instead of analysing the text themselves: the index and they then agree by construction.
 * Published, after the index was written, in a transaction of its own (a rebuild: one per
 * batch), so the event publication registry delivers it even across a restart.
 *
 * <p>One article may be analysed several times in quick succession, and listeners may receive
 * the analyses in any order: the one with the latest {@code analysedAt} describes the article
 * best. Withdrawals are announced by {@code article}'s {@code ArticleWithdrawn}, not here.
 *
 * @param analysedAt  when the article was read for this analysis (before the analysis), so a
 *                    later analysis of the same article supersedes this one
 * @param publishedAt the article's publication time
 * @param seriesCode  its series or column, or {@code null}
 * @param keywords    the editors' keywords, as written (not the ones extracted for search)
 * @param entityIds   the entities it mentions under any spelling, by id, each once
 */
public record ArticleAnalysed(ArticleId articleId, Instant analysedAt, Instant publishedAt, String seriesCode,
                              List<String> keywords, List<String> entityIds) {

    public ArticleAnalysed {
        keywords = List.copyOf(keywords);
        entityIds = List.copyOf(entityIds);
    }
}
