package jp.kawaraban.search;

import java.util.List;

/**
 * The search index took in a batch of articles (a batch of the indexing queue, of a rebuild,
 * or a single article): what was found in each, as {@link ArticleAnalysed} says. One event per
 * batch, so an archive import of a hundred thousand articles is a few hundred events for the
 * event publication registry and a few hundred short transactions for whoever files the
 * articles, not one task per article waiting for a database connection (decision 0029).
 */
public record ArticlesAnalysed(List<ArticleAnalysed> analyses) {

    public ArticlesAnalysed {
        analyses = List.copyOf(analyses);
    }
}
