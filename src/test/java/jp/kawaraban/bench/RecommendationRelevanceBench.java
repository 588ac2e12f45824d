package jp.kawaraban.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Body;
import jp.kawaraban.article.Section;
import jp.kawaraban.editorial.ImportException;
import jp.kawaraban.editorial.ImportedPage;
import jp.kawaraban.editorial.internal.importing.PageReader;
import jp.kawaraban.search.IndexedArticle;
import jp.kawaraban.search.Similar;
import jp.kawaraban.search.lucene.LuceneSearchIndex;
import jp.kawaraban.text.JapaneseAnalysis;
import jp.kawaraban.text.Keywords;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Relevance of "recommended for you" on the livedoor corpus: the share of an article's five
 * recommendations that come from its own category (precision@5), ours against plain Lucene
 * MoreLikeThis over the same index. Run by {@code bench/recommendations.sh}; not part of the
 * test suite.
 */
@EnabledIfSystemProperty(named = "kawaraban.bench", matches = "true")
class RecommendationRelevanceBench {

    @Test
    void precisionAtFive() throws IOException {
        LivedoorCorpus corpus = LivedoorCorpus.read(LivedoorCorpus.location());
        Path dir = Files.createTempDirectory("kawaraban-relevance");
        Map<ArticleId, String> categoryOf = new HashMap<>();
        List<IndexedArticle> articles = new ArrayList<>();
        long analysing = System.nanoTime();
        String cut = System.getProperty("kawaraban.bench.as-imported", "");
        boolean asImported = cut.equals("true");
        boolean readByImporter = cut.equals("reader");
        PageReader importer = new PageReader(List.of(new Section("society", "社会")), "society", 2 << 20);
        for (var item : corpus.items()) {
            ArticleId id = ArticleId.derivedFrom("livedoor:" + item.key());
            String headline = item.title();
            String section = item.category(); // no signal: nothing in a list's ranking reads it
            String lead = "";
            String body = item.body();
            if (readByImporter) {
                // What the product stores: the importer's own reading of the file. A file it
                // refuses (no article in it) is not in the product either.
                ImportedPage page;
                try {
                    page = importer.read(item.key() + ".txt",
                            Files.readAllBytes(LivedoorCorpus.location().resolve(item.category()).resolve(item.key() + ".txt")));
                } catch (ImportException refused) {
                    continue;
                }
                headline = page.headline();
                lead = page.lead() == null ? "" : page.lead();
                body = new Body(page.blocks()).plainText();
                section = page.sectionCode();
            } else if (asImported) {
                String[] parts = asImported(body);
                lead = parts[0];
                body = parts[1];
            }
            categoryOf.put(id, item.category());
            List<String> keywords = Keywords.extract(headline, lead + "\n" + body, 8).stream().map(jp.kawaraban.text.Keyword::term).toList();
            articles.add(new IndexedArticle(id, headline, lead, body, "", section, null,
                    AccessLevel.FREE, item.date().toInstant(), List.of(), keywords, null));
        }
        if (readByImporter) {
            System.out.println("texts as the importer reads the files (PageReader): headline, lead and body as the product stores them");
        } else if (asImported) {
            System.out.println("texts as the import keeps them: first paragraph as the lead, the body ended at its related-articles list");
        }
        analysing = System.nanoTime() - analysing;
        try (LuceneSearchIndex index = new LuceneSearchIndex(dir)) {
            long indexing = System.nanoTime();
            var rebuild = index.startRebuild();
            articles.forEach(rebuild::add);
            rebuild.commit();
            indexing = System.nanoTime() - indexing;

            int sample = Integer.getInteger("kawaraban.bench.sample", articles.size());
            int step = Math.max(1, articles.size() / sample);
            int oursHits = 0, oursTotal = 0, baseHits = 0, baseTotal = 0, asked = 0;
            long oursNanos = 0, baseNanos = 0;
            try (var directory = FSDirectory.open(dir.resolve(Files.readString(dir.resolve("current")).strip()));
                 var reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int i = 0; i < articles.size(); i += step) {
                    IndexedArticle article = articles.get(i);
                    String category = categoryOf.get(article.id());
                    long start = System.nanoTime();
                    List<Similar> ours = index.similar(article, 5);
                    oursNanos += System.nanoTime() - start;
                    for (Similar similar : ours) {
                        oursTotal++;
                        if (category.equals(categoryOf.get(similar.id()))) {
                            oursHits++;
                        }
                    }
                    start = System.nanoTime();
                    List<ArticleId> base = baseline(searcher, article);
                    baseNanos += System.nanoTime() - start;
                    for (ArticleId id : base) {
                        baseTotal++;
                        if (category.equals(categoryOf.get(id))) {
                            baseHits++;
                        }
                    }
                    asked++;
                }
            }
            double ours = (double) oursHits / Math.max(1, oursTotal);
            double baseline = (double) baseHits / Math.max(1, baseTotal);
            System.out.printf("%n== recommendations on the livedoor corpus: %d articles, %d asked%n", articles.size(), asked);
            System.out.printf("analysis (keywords) %.1f s, indexing %.1f s (%.0f articles/s)%n",
                    analysing / 1e9, indexing / 1e9, articles.size() / (indexing / 1e9));
            System.out.printf("ours:     precision@5 %.3f (%d/%d), %.2f ms per article%n", ours, oursHits, oursTotal,
                    oursNanos / 1e6 / asked);
            System.out.printf("baseline: precision@5 %.3f (%d/%d), %.2f ms per article (plain MoreLikeThis on the body)%n",
                    baseline, baseHits, baseTotal, baseNanos / 1e6 / asked);
            System.out.printf("ratio ours/baseline: %.3f%n", ours / Math.max(1e-9, baseline));
        }
    }

    /**
     * The text roughly as {@code import} stores a livedoor file (docs/import.md): its first
     * paragraph becomes the lead, and the article ends where a related-articles list begins
     * (「【関連記事】」「■関連記事」「関連情報」…, the forms livedoor uses). For telling how much
     * of the gap between this bench and the product path is the text itself.
     */
    private static String[] asImported(String body) {
        List<String> paragraphs = new ArrayList<>();
        for (String line : body.split("\n")) {
            String text = line.strip();
            if (text.length() <= 40 && text.matches("^(?:【関連[^】]*】|■関連|関連).*")) {
                break;
            }
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }
        if (paragraphs.size() < 2) {
            return new String[] {"", String.join("\n", paragraphs)};
        }
        return new String[] {paragraphs.getFirst(), String.join("\n", paragraphs.subList(1, paragraphs.size()))};
    }

    /** Plain MoreLikeThis: Lucene's defaults but for the field, the analyzer and a minimum term frequency of 1. */
    private static List<ArticleId> baseline(IndexSearcher searcher, IndexedArticle article) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(JapaneseAnalysis.words());
        mlt.setFieldNames(new String[] {"body"});
        mlt.setMinTermFreq(1);
        var query = new BooleanQuery.Builder()
                .add(mlt.like("body", new StringReader(article.plainText())), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term("id", article.id().value())), BooleanClause.Occur.MUST_NOT)
                .build();
        List<ArticleId> ids = new ArrayList<>();
        var stored = searcher.storedFields();
        for (ScoreDoc hit : searcher.search(query, 5).scoreDocs) {
            ids.add(new ArticleId(stored.document(hit.doc).get("id")));
        }
        return ids;
    }
}
