package jp.kawaraban.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kawaraban.article.ArticleContent;
import jp.kawaraban.text.JapaneseAnalysis;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Plain Lucene MoreLikeThis over the product's own search index, for
 * {@code bench/recommendations-product.sh}: the same articles, as the import stored them (its
 * headline, lead and body, its dates), that the site's lists were computed from in the same
 * run. Each article's text is what the index stored; the query runs against the body field, as
 * {@link RecommendationRelevanceBench}'s baseline does. Not part of the test suite.
 */
@EnabledIfSystemProperty(named = "kawaraban.bench.product-index", matches = ".+")
class ProductIndexMoreLikeThisBench {

    @Test
    void precisionAtFive() throws IOException {
        Path root = Path.of(System.getProperty("kawaraban.bench.product-index"));
        Map<String, String> categoryOf = new HashMap<>();
        ProductIndex.importedFiles(Path.of(System.getProperty("kawaraban.bench.import-out")))
                .forEach((id, file) -> categoryOf.put(id, ProductIndex.category(file)));
        int hits = 0, slots = 0, asked = 0;
        try (var index = ProductIndex.open(root)) {
            var reader = index.reader();
            IndexSearcher searcher = new IndexSearcher(reader);
            var stored = searcher.storedFields();
            // An index the site kept updating holds the older copies of re-indexed articles, deleted
            // but not yet merged away: only the live ones are asked (before, a run without
            // rebuild-search counted 3,934 articles of 3,737).
            Bits live = MultiBits.getLiveDocs(reader);
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                Document document = stored.document(doc);
                String id = document.get("id");
                String category = categoryOf.get(id);
                if (category == null) {
                    continue;
                }
                asked++;
                String text = ArticleContent.plainText(document.get("headline"), orEmpty(document.get("lead")),
                        orEmpty(document.get("body")));
                for (String other : moreLikeThis(searcher, id, text)) {
                    slots++;
                    if (category.equals(categoryOf.get(other))) {
                        hits++;
                    }
                }
            }
        }
        // Five slots an article, as the product bench counts them (a short list loses its empty slots).
        System.out.printf("%nMoreLikeThis on the product's index: precision@5 %.3f (%d / %d), %d articles of %d imported%n",
                (double) hits / Math.max(1, 5 * asked), hits, 5 * asked, asked, categoryOf.size());
    }

    /** Plain MoreLikeThis as {@link RecommendationRelevanceBench} runs it: the body field, minimum term frequency 1. */
    private static List<String> moreLikeThis(IndexSearcher searcher, String id, String text) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(JapaneseAnalysis.words());
        mlt.setFieldNames(new String[] {"body"});
        mlt.setMinTermFreq(1);
        var query = new BooleanQuery.Builder()
                .add(mlt.like("body", new StringReader(text)), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term("id", id)), BooleanClause.Occur.MUST_NOT)
                .build();
        List<String> ids = new ArrayList<>();
        var stored = searcher.storedFields();
        for (ScoreDoc hit : searcher.search(query, 5).scoreDocs) {
            ids.add(stored.document(hit.doc).get("id"));
        }
        return ids;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
