package jp.kawaraban.search.query;

import java.util.List;

import jp.kawaraban.search.IndexedArticle;
import jp.kawaraban.search.SearchHits;
import jp.kawaraban.search.SearchQuery;
import jp.kawaraban.text.JapaneseAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The queries both engines run, built once as Lucene query objects: the embedded index runs
 * them as they are, the OpenSearch adapter writes the same tree in its query language
 * ({@code search.opensearch.QueryJson}). So a change of relevance is made here, for both, and
 * the two cannot drift apart (decision 0036). Terms come from {@link JapaneseAnalysis}, never
 * from a query parser: no input is a syntax error.
 */
public final class ArticleQueries {

    public static final String ID = "id";
    public static final String HEADLINE = "headline";
    public static final String LEAD = "lead";
    public static final String BODY = "body";
    public static final String BIGRAMS = "bigrams";
    public static final String NUMBERS = "numbers";
    public static final String SECTION = "section";
    public static final String SERIES = "series";
    public static final String ENTITY = "entity";
    public static final String KEYWORD = "keyword";
    public static final String ACCESS = "access";
    public static final String PUBLISHED = "published";
    public static final String DUPLICATE = "duplicate";

    private final Analyzer words = JapaneseAnalysis.words();
    private final Analyzer bigrams = JapaneseAnalysis.bigrams();
    private final Analyzer numbers = JapaneseAnalysis.numbers();

    /**
     * A reader's search: the query, and whether its hits come newest first (asked for, or no
     * words to rank by) rather than by relevance.
     */
    public record Plan(Query query, boolean newest) {
    }

    public Plan search(SearchQuery query, boolean relaxed) {
        Query textQuery = textQuery(query.text(), relaxed);
        if (!query.textEntities().isEmpty() && !(textQuery instanceof MatchAllDocsQuery)) {
            BooleanQuery.Builder allEntities = new BooleanQuery.Builder();
            query.textEntities().forEach(entity -> allEntities.add(new TermQuery(new Term(ENTITY, entity)), Occur.MUST));
            textQuery = new BooleanQuery.Builder().add(textQuery, Occur.SHOULD)
                    .add(new BoostQuery(allEntities.build(), 0.5f), Occur.SHOULD).build();
        }
        BooleanQuery.Builder full = new BooleanQuery.Builder().add(textQuery, textQuery instanceof MatchAllDocsQuery
                ? Occur.FILTER : Occur.MUST);
        filter(full, SECTION, query.sectionCode());
        filter(full, SERIES, query.seriesCode());
        filter(full, ENTITY, query.entityId());
        if (query.from() != null || query.until() != null) {
            long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochMilli();
            long until = query.until() == null ? Long.MAX_VALUE : query.until().toEpochMilli();
            full.add(LongPoint.newRangeQuery(PUBLISHED, from, until), Occur.FILTER);
        }
        boolean newest = query.order() == SearchQuery.Order.NEWEST || textQuery instanceof MatchAllDocsQuery;
        return new Plan(full.build(), newest);
    }

    /** One engine's search of a plan: the query, relaxed or not, and its hits. */
    @FunctionalInterface
    public interface Engine {
        SearchHits search(SearchQuery query, Plan plan);
    }

    /**
     * A reader's search on an engine: strict first; when that finds nothing and the text has
     * several words, relaxed, and the hits say they match part of the words.
     */
    public SearchHits search(SearchQuery query, Engine engine) {
        SearchHits strict = engine.search(query, search(query, false));
        if (strict.total() == 0 && JapaneseAnalysis.terms(words, query.text()).size() > 1) {
            SearchHits relaxed = engine.search(query, search(query, true));
            return new SearchHits(relaxed.hits(), relaxed.total(), true);
        }
        return strict;
    }

    /**
     * The reader's words, never parsed as syntax: each word must appear (in the headline,
     * lead or body, headline counting most), or the text's bigrams must all appear — which
     * finds words the dictionary splits differently in the query and in the article.
     * Relaxed (when that finds nothing): at least half of the words of two characters or more.
     * A single character never matches on its own: the dictionary cuts 宇宙人, which no article
     * may hold, into 宇宙 and 人, and 人 alone would match nearly every article; a title pasted
     * cut short (…ダイエット、ト) still finds its article by the words before the cut.
     */
    public Query textQuery(String text, boolean relaxed) {
        List<String> terms = JapaneseAnalysis.terms(words, text);
        if (terms.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        if (relaxed) { // the fallback when nothing has every word: most of them will do
            List<String> telling = relaxable(terms);
            if (telling.isEmpty()) {
                return new MatchNoDocsQuery("only single characters to relax on");
            }
            BooleanQuery.Builder mostWords = new BooleanQuery.Builder();
            for (String term : telling) {
                mostWords.add(allOf(List.of(term)), Occur.SHOULD);
            }
            mostWords.setMinimumNumberShouldMatch(Math.max(1, (telling.size() + 1) / 2));
            return mostWords.build();
        }
        BooleanQuery.Builder either = new BooleanQuery.Builder().add(allOf(terms), Occur.SHOULD);
        List<String> grams = JapaneseAnalysis.terms(bigrams, text);
        if (!grams.isEmpty()) {
            BooleanQuery.Builder allGrams = new BooleanQuery.Builder();
            grams.forEach(gram -> allGrams.add(new TermQuery(new Term(BIGRAMS, gram)), Occur.MUST));
            either.add(new BoostQuery(allGrams.build(), 0.3f), Occur.SHOULD);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(either.build(), Occur.MUST);
        JapaneseAnalysis.terms(numbers, text)
                .forEach(number -> query.add(new TermQuery(new Term(NUMBERS, number)), Occur.SHOULD));
        return query.build();
    }

    /**
     * The query that finds an article's candidate recommendations: its entities (counting
     * double) and its most telling words, the article itself and its duplicates left out.
     * Keywords are not asked for: on the livedoor benchmark, boosting shared keywords lowered
     * precision@5 (0.825 → 0.759 with them at 1.5); they still give the reasons. The words are
     * unboosted (settings chosen on the benchmark, docs/benchmarks.md).
     */
    public Query similar(IndexedArticle article, List<String> tellingWords) {
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        for (String entity : article.entityIds()) {
            like.add(new BoostQuery(new TermQuery(new Term(ENTITY, entity)), 2.0f), Occur.SHOULD);
        }
        // Each word in the headline and lead too: an imported article's first paragraph is its
        // lead, and its subject is often named there and in the headline only (decision 0049).
        for (String term : tellingWords) {
            for (String field : List.of(HEADLINE, LEAD, BODY)) {
                like.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(like.build(), Occur.MUST)
                .add(new TermQuery(new Term(ID, article.id().value())), Occur.MUST_NOT);
        if (article.duplicateKey() != null) {
            query.add(new TermQuery(new Term(DUPLICATE, article.duplicateKey())), Occur.MUST_NOT);
        }
        return query.build();
    }

    /** Each term in the headline, lead or body, the headline counting most. */
    private static Query allOf(List<String> terms) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : terms) {
            all.add(new DisjunctionMaxQuery(List.of(
                    new BoostQuery(new TermQuery(new Term(HEADLINE, term)), 3f),
                    new BoostQuery(new TermQuery(new Term(LEAD, term)), 2f),
                    new TermQuery(new Term(BODY, term))), 0.1f), Occur.MUST);
        }
        return all.build();
    }

    /** The terms a relaxed search may rely on: none of a single character. */
    private static List<String> relaxable(List<String> terms) {
        return terms.stream().filter(term -> term.codePointCount(0, term.length()) > 1).distinct().toList();
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }
}
