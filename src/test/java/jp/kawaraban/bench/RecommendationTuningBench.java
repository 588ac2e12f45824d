package jp.kawaraban.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.search.IndexedArticle;
import jp.kawaraban.search.Similar;
import jp.kawaraban.search.ranking.Fingerprint;
import jp.kawaraban.search.ranking.Recommendations;
import jp.kawaraban.text.JapaneseAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A tuning loop for the recommendations over the product's own index, as
 * {@code bench/recommendations-product.sh} leaves it (the imported text, its entities and
 * keywords): the ranking re-implemented with its settings as knobs, each variant of
 * {@code kawaraban.bench.variants} (";"-separated, each "knob=value,…") measured in one JVM.
 * Chooses on one split of the queries and reports the other (decision 0052): an article is in
 * the tuning split when its livedoor file's number is ≡ 0 (mod 4), in the report split
 * otherwise. Prints the report split only with {@code -Dkawaraban.bench.report=true}.
 * The livedoor category (the folder of the file in the import's output) is read for the
 * relevance label only. Not part of the test suite; throw-away settings, the kept ones are the
 * production constants. Run on a folder the product bench left (its site stopped), e.g.
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat test-classpath.txt) \
 *     -Dkawaraban.bench.tune-index=WORK/data/search -Dkawaraban.bench.import-out=WORK/import.out \
 *     "-Dkawaraban.bench.variants=;candNormPow=1.4" jp.kawaraban.bench.RecommendationTuningBench
 * </pre>
 * (the class path from {@code mvnw dependency:build-classpath -Dmdep.includeScope=test
 * -Dmdep.outputFile=test-classpath.txt}; the empty first variant is the production's settings
 * before decision 0052, with which the loop gives the product's own figure).
 */
@EnabledIfSystemProperty(named = "kawaraban.bench.tune-index", matches = ".+")
class RecommendationTuningBench {

    private static final Pattern NUMBER = Pattern.compile("-(\\d+)\\.txt$");

    private static final Map<String, Double> DEFAULTS = Map.ofEntries(
            Map.entry("terms", 80.0), Map.entry("minDf", 5.0), Map.entry("maxDfQ", 1.0), Map.entry("candidates", 150.0),
            Map.entry("entityBoost", 2.0), Map.entry("headline", 2.0), Map.entry("lead", 1.0), Map.entry("k1", 1.2),
            Map.entry("srcIdf", 1.0), Map.entry("candIdf", 0.0), Map.entry("entity", 0.0), Map.entry("keyword", 0.0),
            Map.entry("minChars", 1.0), Map.entry("noDigits", 0.0), Map.entry("maxDfV", 1.0), Map.entry("pivot", 1.0),
            Map.entry("central", 0.0), Map.entry("centralTop", 20.0), Map.entry("time", 1.0), Map.entry("fields", 3.0),
            Map.entry("dfAny", 0.0), Map.entry("queryKeywords", 0.0), Map.entry("kana", 1.0), Map.entry("queryBoost", 0.0), Map.entry("confusion", 0.0),
            Map.entry("candK1", -1.0), Map.entry("srcTerms", 0.0), Map.entry("rocchio", 0.0), Map.entry("rocchioK", 10.0),
            Map.entry("bigram", 0.0), Map.entry("candBin", 0.0),
            Map.entry("candBinHeadline", 1.0), Map.entry("candNormPow", 1.0));

    private record Doc(int luceneId, IndexedArticle article, String fingerprint, Map<String, Integer> counts,
                       String category, long number) {
    }

    private final Map<String, Integer> bodyDf = new HashMap<>();
    private final Map<String, Integer> anyDf = new HashMap<>();
    private final Map<String, Integer> entityDf = new HashMap<>();
    private final Map<String, Integer> keywordDf = new HashMap<>();

    /** For a loop without Maven: {@code java -cp target/test-classes:target/classes:<test class path> …}. */
    public static void main(String[] args) throws IOException {
        new RecommendationTuningBench().variants();
    }

    @Test
    void variants() throws IOException {
        Path root = Path.of(System.getProperty("kawaraban.bench.tune-index"));
        Map<String, Path> fileOf = ProductIndex.importedFiles(Path.of(System.getProperty("kawaraban.bench.import-out")));
        boolean report = Boolean.getBoolean("kawaraban.bench.report");
        Analyzer bigrams = JapaneseAnalysis.bigrams();
        try (var index = ProductIndex.open(root)) {
            var reader = index.reader();
            IndexSearcher searcher = new IndexSearcher(reader);
            var stored = searcher.storedFields();
            var vectors = reader.termVectors();
            Map<Integer, Doc> docs = new HashMap<>();
            for (int d = 0; d < reader.maxDoc(); d++) {
                Document document = stored.document(d);
                String id = document.get("id");
                Path file = fileOf.get(id);
                if (file == null) {
                    continue;
                }
                Matcher number = NUMBER.matcher(file.toString());
                number.find();
                IndexedArticle article = new IndexedArticle(new ArticleId(id), document.get("headline"),
                        orEmpty(document.get("lead")), orEmpty(document.get("body")), "", document.get("section"), null,
                        AccessLevel.FREE, Instant.ofEpochMilli(document.getField("published").numericValue().longValue()),
                        List.of(document.getValues("entity")), List.of(document.getValues("keyword")), document.get("duplicate"));
                Fields fields = vectors.get(d);
                Map<String, Integer>[] parts = new Map[3];
                int i = 0;
                for (String field : List.of("headline", "lead", "body")) {
                    parts[i++] = counts(fields == null ? null : fields.terms(field));
                }
                docs.put(d, new Doc(d, article, document.get("fingerprint"), null,
                        ProductIndex.category(file), Long.parseLong(number.group(1))));
                partsOf.put(d, parts);
            }
            System.out.printf("%n%d articles; tuning split (number ≡ 0 mod 4): %d%n", docs.size(),
                    docs.values().stream().filter(doc -> doc.number() % 4 == 0).count());
            String[] variants = System.getProperty("kawaraban.bench.variants", "").split(";");
            for (String variant : variants) {
                Map<String, Double> knobs = new HashMap<>(DEFAULTS);
                if (!variant.isBlank()) {
                    for (String pair : variant.split(",")) {
                        String[] kv = pair.split("=");
                        if (!DEFAULTS.containsKey(kv[0].strip())) {
                            throw new IllegalArgumentException("unknown knob " + kv[0]);
                        }
                        knobs.put(kv[0].strip(), Double.parseDouble(kv[1].strip()));
                    }
                }
                long start = System.nanoTime();
                Map<String, Integer> confusion = new java.util.TreeMap<>();
                int[] tune = new int[2];
                int[] rest = new int[2];
                Map<Integer, Map<String, Double>> weighted = new HashMap<>();
                averageNorm = null;
                for (Doc doc : docs.values()) {
                    boolean tuning = doc.number() % 4 == 0;
                    if (!tuning && !report) {
                        continue;
                    }
                    List<Similar> chosen = similar(searcher, reader, docs, doc, knobs, weighted, bigrams);
                    int hits = 0;
                    for (Similar similar : chosen.subList(0, Math.min(5, chosen.size()))) {
                        Doc other = byId(docs, similar.id().value());
                        if (knobs.get("confusion") > 0 && other != null) {
                            confusion.merge(doc.category() + " -> " + other.category(), 1, Integer::sum);
                        }
                        if (other != null && other.category().equals(doc.category())) {
                            hits++;
                        }
                    }
                    int[] into = tuning ? tune : rest;
                    into[0] += hits;
                    into[1] += 5;
                }
                System.out.printf("%-70s tune %.4f (%d/%d)%s  %.1f s%n", variant.isBlank() ? "(defaults)" : variant,
                        (double) tune[0] / tune[1], tune[0], tune[1],
                        report ? String.format("  report %.4f (%d/%d)  all %.4f (%d/%d)", (double) rest[0] / rest[1], rest[0], rest[1],
                                (double) (tune[0] + rest[0]) / (tune[1] + rest[1]), tune[0] + rest[0], tune[1] + rest[1]) : "",
                        (System.nanoTime() - start) / 1e9);
                confusion.forEach((pair, n) -> System.out.printf("  %-40s %5d%n", pair, n));
            }
        }
    }

    private final Map<Integer, Map<String, Integer>[]> partsOf = new HashMap<>();
    private Map<String, Doc> byIdCache;

    private Doc byId(Map<Integer, Doc> docs, String id) {
        if (byIdCache == null) {
            byIdCache = new HashMap<>();
            docs.values().forEach(doc -> byIdCache.put(doc.article().id().value(), doc));
        }
        return byIdCache.get(id);
    }

    private static Map<String, Integer> counts(Terms terms) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        if (terms == null) {
            return counts;
        }
        TermsEnum iterator = terms.iterator();
        BytesRef term;
        while ((term = iterator.next()) != null) {
            counts.put(term.utf8ToString(), (int) iterator.totalTermFreq());
        }
        return counts;
    }

    private int df(IndexReader reader, Map<String, Double> knobs, String term) {
        return knobs.get("dfAny") > 0
                ? anyDf.computeIfAbsent(term, t -> {
                    try {
                        int max = 0;
                        for (String field : List.of("headline", "lead", "body")) {
                            max = Math.max(max, reader.docFreq(new Term(field, t)));
                        }
                        return max;
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                : bodyDf.computeIfAbsent(term, t -> {
                    try {
                        return reader.docFreq(new Term("body", t));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    private static int df(IndexReader reader, Map<String, Integer> cache, String field, String term) {
        return cache.computeIfAbsent(term, t -> {
            try {
                return reader.docFreq(new Term(field, t));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static boolean keep(String term, Map<String, Double> knobs) {
        if (term.codePointCount(0, term.length()) < knobs.get("minChars")) {
            return false;
        }
        if (knobs.get("noDigits") > 0 && term.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',')) {
            return false;
        }
        if (knobs.get("kana") == 0 && term.codePoints().allMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HIRAGANA)) {
            return false;
        }
        return true;
    }

    private static double saturated(double count, double k1) {
        return k1 <= 0 ? Math.log(1 + count) : count * (k1 + 1) / (count + k1);
    }

    /** A document's weighted vector under the knobs: words, and entities and keywords when asked. */
    private Map<String, Double> vector(IndexReader reader, Doc doc, Map<String, Double> knobs, boolean source) {
        Map<String, Integer>[] parts = partsOf.get(doc.luceneId());
        double[] fieldCounts = {knobs.get("headline"), knobs.get("lead"), 1};
        Map<String, Double> counts = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            double times = fieldCounts[i];
            parts[i].forEach((term, n) -> counts.merge(term, n * times, Double::sum));
        }
        long all = reader.numDocs();
        double maxDf = knobs.get("maxDfV") * all;
        double idfPower = source ? knobs.get("srcIdf") : knobs.get("candIdf");
        Map<String, Double> weights = new HashMap<>();
        counts.forEach((term, n) -> {
            if (n <= 0 || !keep(term, knobs)) {
                return;
            }
            int df = df(reader, knobs, term);
            if (df > maxDf) {
                return;
            }
            double idf = Math.log(1 + (double) all / (1 + df));
            double k1 = !source && knobs.get("candK1") >= 0 ? knobs.get("candK1") : knobs.get("k1");
            double tf = !source && knobs.get("candBin") > 0
                    ? (parts[0].containsKey(term) ? knobs.get("candBinHeadline") : 1) : saturated(n, k1);
            weights.put(term, tf * Math.pow(idf, idfPower));
        });
        double entity = knobs.get("entity");
        if (entity > 0) {
            for (String e : doc.article().entityIds()) {
                int df = df(reader, entityDf, "entity", e);
                double idf = Math.log(1 + (double) all / (1 + df));
                weights.put("\u0001E" + e, entity * Math.pow(idf, idfPower));
            }
        }
        double keyword = knobs.get("keyword");
        if (keyword > 0) {
            for (String k : doc.article().keywords()) {
                int df = df(reader, keywordDf, "keyword", k);
                double idf = Math.log(1 + (double) all / (1 + df));
                weights.put("\u0001K" + k, keyword * Math.pow(idf, idfPower));
            }
        }
        return weights;
    }

    private static double norm(Map<String, Double> v) {
        return Math.sqrt(v.values().stream().mapToDouble(w -> w * w).sum());
    }

    private static double dot(Map<String, Double> a, Map<String, Double> b) {
        if (a.size() > b.size()) {
            Map<String, Double> t = a;
            a = b;
            b = t;
        }
        double sum = 0;
        for (var entry : a.entrySet()) {
            Double other = b.get(entry.getKey());
            if (other != null) {
                sum += entry.getValue() * other;
            }
        }
        return sum;
    }

    private List<Similar> similar(IndexSearcher searcher, IndexReader reader, Map<Integer, Doc> docs, Doc doc,
                                  Map<String, Double> knobs, Map<Integer, Map<String, Double>> weighted, Analyzer bigrams)
            throws IOException {
        Map<String, Double> source = vector(reader, doc, knobs, true);
        long all = reader.numDocs();
        double maxDfQ = knobs.get("maxDfQ") * all;
        int minDf = knobs.get("minDf").intValue();
        List<String> telling = source.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("\u0001"))
                .filter(e -> {
                    int df = df(reader, knobs, e.getKey());
                    return df >= minDf && df <= maxDfQ;
                })
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(knobs.get("terms").intValue())
                .map(Map.Entry::getKey)
                .toList();
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        float entityBoost = knobs.get("entityBoost").floatValue();
        if (entityBoost > 0) {
            for (String entity : doc.article().entityIds()) {
                like.add(new BoostQuery(new TermQuery(new Term("entity", entity)), entityBoost), Occur.SHOULD);
            }
        }
        List<String> fields = knobs.get("fields") >= 3 ? List.of("headline", "lead", "body") : List.of("body");
        boolean boosted = knobs.get("queryBoost") > 0;
        for (String term : telling) {
            for (String field : fields) {
                TermQuery query = new TermQuery(new Term(field, term));
                like.add(boosted ? new BoostQuery(query, source.get(term).floatValue()) : query, Occur.SHOULD);
            }
        }
        if (knobs.get("queryKeywords") > 0) {
            for (String k : doc.article().keywords()) {
                like.add(new BoostQuery(new TermQuery(new Term("keyword", k)), knobs.get("queryKeywords").floatValue()), Occur.SHOULD);
            }
        }
        BooleanQuery query = new BooleanQuery.Builder().add(like.build(), Occur.MUST)
                .add(new TermQuery(new Term("id", doc.article().id().value())), Occur.MUST_NOT).build();
        ScoreDoc[] found = searcher.search(query, knobs.get("candidates").intValue()).scoreDocs;
        lastFound = found;
        if (knobs.get("srcTerms") > 0) {
            Map<String, Double> kept = new HashMap<>();
            source.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(knobs.get("srcTerms").intValue()).forEach(e -> kept.put(e.getKey(), e.getValue()));
            source = kept;
        }
        if (knobs.get("bigram") > 0) {
            source = new HashMap<>(source);
            addBigrams(reader, doc, source, knobs, true);
        }
        if (knobs.get("rocchio") > 0) {
            source = rocchio(reader, docs, source, knobs);
        }
        double sourceNorm = norm(source);
        List<Doc> candidateDocs = new ArrayList<>();
        List<Double> cosines = new ArrayList<>();
        List<Map<String, Double>> candidateVectors = new ArrayList<>();
        double pivot = knobs.get("pivot");
        for (ScoreDoc hit : found) {
            Doc candidate = docs.get(hit.doc);
            if (candidate == null) {
                continue;
            }
            Map<String, Double> vector = weighted.computeIfAbsent(hit.doc, d -> {
                Map<String, Double> v = new HashMap<>(vector(reader, candidate, knobs, false));
                if (knobs.get("bigram") > 0) {
                    addBigrams(reader, candidate, v, knobs, false);
                }
                return v;
            });
            double candidateNorm = norm(vector);
            double normaliser = pivot >= 1 ? Math.pow(candidateNorm, knobs.get("candNormPow")) : (1 - pivot) * averageNorm(reader, docs, knobs) + pivot * candidateNorm;
            cosines.add(candidateNorm == 0 || sourceNorm == 0 ? 0 : dot(source, vector) / (sourceNorm * normaliser));
            candidateDocs.add(candidate);
            candidateVectors.add(vector);
        }
        double central = knobs.get("central");
        double[] scores = new double[cosines.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = cosines.get(i);
        }
        if (central > 0 && scores.length > 1) {
            int top = Math.min(knobs.get("centralTop").intValue(), scores.length);
            Integer[] order = new Integer[scores.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.comparingDouble(i -> -cosines.get(i)));
            // Symmetric tf-idf vectors for candidate-to-candidate likeness.
            List<Map<String, Double>> near = new ArrayList<>();
            for (int r = 0; r < top; r++) {
                near.add(vector(reader, candidateDocs.get(order[r]), knobs, true));
            }
            double[] norms = near.stream().mapToDouble(RecommendationTuningBench::norm).toArray();
            for (int r = 0; r < top; r++) {
                double sum = 0;
                for (int q = 0; q < top; q++) {
                    if (q != r && norms[r] > 0 && norms[q] > 0) {
                        sum += dot(near.get(r), near.get(q)) / (norms[r] * norms[q]);
                    }
                }
                scores[order[r]] = cosines.get(order[r]) + central * sum / (top - 1);
            }
            // Below the top: no centrality measured; kept below every re-ranked one.
            for (int r = top; r < order.length; r++) {
                scores[order[r]] = -1 + cosines.get(order[r]);
            }
        }
        List<Recommendations.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            candidates.add(new Recommendations.Candidate(candidateDocs.get(i).article(), (float) scores[i],
                    candidateDocs.get(i).fingerprint()));
        }
        if (knobs.get("time") == 0) {
            // Same publication moment for all: the time factor is 1 for each.
            candidates = candidates.stream().map(c -> new Recommendations.Candidate(new IndexedArticle(c.article().id(),
                    c.article().headline(), c.article().lead(), c.article().body(), "", c.article().sectionCode(), null,
                    AccessLevel.FREE, doc.article().publishedAt(), c.article().entityIds(), c.article().keywords(),
                    c.article().duplicateKey()), c.score(), c.fingerprint())).toList();
        }
        return Recommendations.choose(doc.article(), Fingerprint.of(doc.article().body()), candidates, 8, bigrams);
    }

    /** Rocchio: the article's vector plus a share of its nearest candidates' (each normalised), then the same words kept. */
    private Map<String, Double> rocchio(IndexReader reader, Map<Integer, Doc> docs, Map<String, Double> source,
                                        Map<String, Double> knobs) {
        List<Map.Entry<Doc, Double>> scored = new ArrayList<>();
        double sourceNorm = norm(source);
        for (ScoreDoc hit : lastFound) {
            Doc candidate = docs.get(hit.doc);
            if (candidate == null) {
                continue;
            }
            Map<String, Double> v = vector(reader, candidate, knobs, false);
            double n = norm(v);
            scored.add(Map.entry(candidate, n == 0 ? 0 : dot(source, v) / (sourceNorm * n)));
        }
        scored.sort(Map.Entry.<Doc, Double>comparingByValue().reversed());
        int k = Math.min(knobs.get("rocchioK").intValue(), scored.size());
        Map<String, Double> expanded = new HashMap<>();
        source.forEach((t, w) -> expanded.put(t, w / sourceNorm));
        double beta = knobs.get("rocchio");
        for (int i = 0; i < k; i++) {
            Map<String, Double> v = vector(reader, scored.get(i).getKey(), knobs, true);
            double n = norm(v);
            v.forEach((t, w) -> expanded.merge(t, beta * w / n / k, Double::sum));
        }
        return expanded;
    }

    private final Map<Integer, Map<String, Integer>> bigramCounts = new HashMap<>();
    private final Map<String, Integer> bigramDf = new HashMap<>();
    private final Analyzer bigramAnalyzer = JapaneseAnalysis.bigrams();

    /** Character bigrams of the whole article as extra features ("\u0002" + gram), weighted by the knob. */
    private void addBigrams(IndexReader reader, Doc doc, Map<String, Double> into, Map<String, Double> knobs, boolean source) {
        Map<String, Integer> grams = bigramCounts.computeIfAbsent(doc.luceneId(), d -> {
            Map<String, Integer> counts = new HashMap<>();
            for (String g : JapaneseAnalysis.terms(bigramAnalyzer, doc.article().headline())) {
                counts.merge(g, (int) Math.round(knobs.get("headline")), Integer::sum);
            }
            for (String g : JapaneseAnalysis.terms(bigramAnalyzer, doc.article().lead() + "\n" + doc.article().body())) {
                counts.merge(g, 1, Integer::sum);
            }
            return counts;
        });
        long all = reader.numDocs();
        double weight = knobs.get("bigram");
        double idfPower = source ? knobs.get("srcIdf") : knobs.get("candIdf");
        grams.forEach((g, n) -> {
            int df = df(reader, bigramDf, "bigrams", g);
            double idf = Math.log(1 + (double) all / (1 + df));
            into.put("\u0002" + g, weight * saturated(n, knobs.get("k1")) * Math.pow(idf, idfPower));
        });
    }

    /** The candidates of the article being asked, for {@link #rocchio}. */
    private ScoreDoc[] lastFound;
    private Double averageNorm;

    private double averageNorm(IndexReader reader, Map<Integer, Doc> docs, Map<String, Double> knobs) {
        if (averageNorm == null) {
            averageNorm = docs.values().stream().mapToDouble(d -> norm(vector(reader, d, knobs, false))).average().orElse(1);
        }
        return averageNorm;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
