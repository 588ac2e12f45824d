package jp.kawaraban.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.search.IndexedArticle;
import jp.kawaraban.search.SearchHit;
import jp.kawaraban.search.SearchHits;
import jp.kawaraban.search.SearchIndex;
import jp.kawaraban.search.SearchQuery;
import jp.kawaraban.search.Similar;
import jp.kawaraban.search.query.ArticleQueries;
import jp.kawaraban.search.ranking.Fingerprint;
import jp.kawaraban.search.ranking.Recommendations;
import jp.kawaraban.search.ranking.WordVector;
import jp.kawaraban.text.JapaneseAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import static jp.kawaraban.search.query.ArticleQueries.ACCESS;
import static jp.kawaraban.search.query.ArticleQueries.BIGRAMS;
import static jp.kawaraban.search.query.ArticleQueries.BODY;
import static jp.kawaraban.search.query.ArticleQueries.DUPLICATE;
import static jp.kawaraban.search.query.ArticleQueries.ENTITY;
import static jp.kawaraban.search.query.ArticleQueries.HEADLINE;
import static jp.kawaraban.search.query.ArticleQueries.ID;
import static jp.kawaraban.search.query.ArticleQueries.KEYWORD;
import static jp.kawaraban.search.query.ArticleQueries.LEAD;
import static jp.kawaraban.search.query.ArticleQueries.NUMBERS;
import static jp.kawaraban.search.query.ArticleQueries.PUBLISHED;
import static jp.kawaraban.search.query.ArticleQueries.SECTION;
import static jp.kawaraban.search.query.ArticleQueries.SERIES;

/**
 * The embedded search index: Lucene under {@code <data-dir>/search}, one long-lived
 * {@link IndexWriter}, searchers refreshed in the background; a write returns once searches see it.
 * Every write is committed before it returns (commits are shared between concurrent
 * writers), so an article the event listener reported indexed survives a crash.
 */
public class LuceneSearchIndex implements SearchIndex, AutoCloseable {

    static final String PREVIEW = "preview";
    static final String FINGERPRINT = "fingerprint";

    private static final int VISIBLE_WITHIN_MS = 5_000;
    private static final int QUERY_TERMS = 80;
    private static final int MERGED_SEGMENTS = 4;
    /** What choosing among candidates reads: not their text, the largest part of a document. */
    private static final Set<String> CANDIDATE_FIELDS = Set.of(ID, HEADLINE, SECTION, SERIES, ACCESS, PUBLISHED,
            ENTITY, KEYWORD, DUPLICATE, FINGERPRINT);
    private static final int MIN_DOC_FREQ = 5;
    /**
     * The headline, lead and body keep their term vectors, so recommendations can compare two
     * articles' words directly — all of them: an imported article's first paragraph is its
     * lead, and a candidate's vector without it missed what the article is about (decision 0049).
     */
    private static final org.apache.lucene.document.FieldType WITH_TERM_VECTOR = withTermVector();

    private static org.apache.lucene.document.FieldType withTermVector() {
        var type = new org.apache.lucene.document.FieldType(TextField.TYPE_STORED);
        type.setStoreTermVectors(true);
        type.freeze();
        return type;
    }

    private final Path root;
    private final Analyzer analyzer;
    private final ArticleQueries queries = new ArticleQueries();
    private final Analyzer words = JapaneseAnalysis.words();
    private final Analyzer bigrams = JapaneseAnalysis.bigrams();
    private final Analyzer numbers = JapaneseAnalysis.numbers();
    private volatile Generation live;
    private volatile Generation building;
    /**
     * Writes and searches hold it shared, for the whole of their work on the generations they
     * read; starting, switching to and throwing away a rebuild hold it alone. Without it, a
     * catch-up writing while an administrator's rebuild switched over wrote into a closed writer
     * (and failed), or into the old index only after the new one stopped taking changes (and
     * the new index lacked the change).
     */
    private final ReentrantReadWriteLock generationsLock = new ReentrantReadWriteLock();

    /** One index directory with its writer and searchers. */
    private record Generation(Path path, FSDirectory directory, IndexWriter writer, SearcherManager searchers,
                              ControlledRealTimeReopenThread<IndexSearcher> refresher, Object commitLock,
                              long[] committed, Set<String> changedMeanwhile) {

        void close() throws IOException {
            refresher.close();
            searchers.close();
            writer.close();
            directory.close();
        }
    }

    public LuceneSearchIndex(Path root) {
        this.root = root;
        this.analyzer = new PerFieldAnalyzerWrapper(words, Map.of(
                BIGRAMS, bigrams,
                NUMBERS, numbers));
        try {
            Files.createDirectories(root);
            Path current = currentPath();
            deleteAbandonedRebuilds(current);
            this.live = open(current);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index under " + root, e);
        }
    }

    // --- writing ----------------------------------------------------------------------

    @Override
    public void index(IndexedArticle article) {
        Document document = document(article);
        Term id = new Term(ID, article.id().value());
        whileGenerationsStay(() -> {
            write(live, writer -> writer.updateDocument(id, document));
            Generation next = building;
            if (next != null) { // a rebuild is running: it must not miss what happens meanwhile
                next.changedMeanwhile().add(article.id().value());
                write(next, writer -> writer.updateDocument(id, document));
            }
        });
    }

    /** Runs a write or a search on the generations as they are; a rebuild switches over only between two. */
    private void whileGenerationsStay(Runnable work) {
        generationsLock.readLock().lock();
        try {
            work.run();
        } finally {
            generationsLock.readLock().unlock();
        }
    }

    @Override
    public void indexAll(List<IndexedArticle> articles) {
        if (articles.isEmpty()) {
            return;
        }
        List<Document> documents = articles.stream().map(this::document).toList();
        WriteOperation all = writer -> {
            long sequence = 0;
            for (int i = 0; i < documents.size(); i++) {
                sequence = writer.updateDocument(new Term(ID, articles.get(i).id().value()), documents.get(i));
            }
            return sequence;
        };
        whileGenerationsStay(() -> {
            write(live, all);
            Generation next = building;
            if (next != null) {
                articles.forEach(article -> next.changedMeanwhile().add(article.id().value()));
                write(next, all);
            }
        });
    }

    @Override
    public void stage(List<IndexedArticle> articles) {
        if (articles.isEmpty()) {
            return;
        }
        whileGenerationsStay(() -> {
            Generation next = building;
            if (next != null) {
                articles.forEach(article -> next.changedMeanwhile().add(article.id().value()));
            }
            for (Generation generation : generations()) {
                addOnEveryCore(generation.writer(), articles);
            }
        });
    }

    /**
     * Writes the documents from every core. Lucene analyses a document's text (Kuromoji, for
     * the three text fields and the numbers) inside {@code updateDocument}, and a writer takes
     * documents from many threads at once; from the queue's one thread this was a third of an
     * import's CPU on a single core, with the other cores idle.
     */
    private void addOnEveryCore(IndexWriter writer, List<IndexedArticle> articles) {
        articles.parallelStream().forEach(article -> {
            try {
                writer.updateDocument(new Term(ID, article.id().value()), document(article));
            } catch (IOException e) {
                throw new UncheckedIOException("Search index write failed", e);
            }
        });
    }

    @Override
    public void commitStaged() {
        whileGenerationsStay(() -> {
            for (Generation generation : generations()) {
                write(generation, IndexWriter::getMaxCompletedSequenceNumber);
            }
        });
    }

    /**
     * Merges the served index down to a few segments, as a rebuild does before it is served: a
     * bulk written in many batches leaves many segments, and each list query after it looks its
     * eighty words up in every one of them.
     */
    @Override
    public void bulkEnded() {
        whileGenerationsStay(() -> write(live, writer -> {
            writer.forceMerge(MERGED_SEGMENTS);
            return writer.getMaxCompletedSequenceNumber();
        }));
    }

    /** The index being served, and the one a rebuild is writing, if any: both take every change. */
    private List<Generation> generations() {
        Generation next = building;
        return next == null ? List.of(live) : List.of(live, next);
    }

    @Override
    public void remove(ArticleId id) {
        Term term = new Term(ID, id.value());
        whileGenerationsStay(() -> {
            write(live, writer -> writer.deleteDocuments(term));
            Generation next = building;
            if (next != null) {
                next.changedMeanwhile().add(id.value());
                write(next, writer -> writer.deleteDocuments(term));
            }
        });
    }

    private interface WriteOperation {
        long apply(IndexWriter writer) throws IOException;
    }

    /**
     * Applies and commits. Concurrent writers share commits: whoever holds the lock commits
     * everything written so far, and a writer whose change is already in a commit returns.
     */
    private void write(Generation generation, WriteOperation operation) {
        try {
            long sequence = operation.apply(generation.writer());
            synchronized (generation.commitLock()) {
                if (generation.committed()[0] < sequence) {
                    generation.committed()[0] = generation.writer().commit();
                }
            }
            // Visible when this returns: the refresher reopens within 50 ms when someone waits.
            generation.refresher().waitForGeneration(sequence, VISIBLE_WITHIN_MS);
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Search index write failed", e);
        }
    }

    private Document document(IndexedArticle article) {
        Document doc = new Document();
        doc.add(new StringField(ID, article.id().value(), Field.Store.YES));
        doc.add(new Field(HEADLINE, article.headline(), WITH_TERM_VECTOR));
        doc.add(new Field(LEAD, article.lead(), WITH_TERM_VECTOR));
        doc.add(new Field(BODY, article.body(), WITH_TERM_VECTOR));
        String all = article.plainText();
        doc.add(new TextField(BIGRAMS, all, Field.Store.NO));
        doc.add(new TextField(NUMBERS, all, Field.Store.NO));
        doc.add(new StoredField(PREVIEW, article.preview()));
        doc.add(new StringField(SECTION, article.sectionCode(), Field.Store.YES));
        if (article.seriesCode() != null) {
            doc.add(new StringField(SERIES, article.seriesCode(), Field.Store.YES));
        }
        article.entityIds().forEach(entity -> doc.add(new StringField(ENTITY, entity, Field.Store.YES)));
        article.keywords().forEach(keyword -> doc.add(new StringField(KEYWORD, keyword, Field.Store.YES)));
        doc.add(new StringField(ACCESS, article.accessLevel().name(), Field.Store.YES));
        long published = article.publishedAt().toEpochMilli();
        doc.add(new LongPoint(PUBLISHED, published));
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        doc.add(new StoredField(PUBLISHED, published));
        if (article.duplicateKey() != null) {
            doc.add(new StringField(DUPLICATE, article.duplicateKey(), Field.Store.YES));
        }
        doc.add(new StoredField(FINGERPRINT, Fingerprint.of(article.body())));
        return doc;
    }

    // --- reading --------------------------------------------------------------------

    @Override
    public SearchHits search(SearchQuery query) {
        return queries.search(query, this::search);
    }

    private static final Sort NEWEST_FIRST = new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true));
    /**
     * Equal scores, which short articles that name a word once often have (lengths are kept to a
     * byte), are ordered newest first: otherwise their order is the index's inner order, which
     * merges change and OpenSearch need not share, so page 2 could repeat a hit of page 1.
     */
    private static final Sort BEST_THEN_NEWEST = new Sort(SortField.FIELD_SCORE,
            new SortField(PUBLISHED, SortField.Type.LONG, true));

    private SearchHits search(SearchQuery query, ArticleQueries.Plan plan) {
        boolean newest = plan.newest();
        return withSearcher(searcher -> {
            int wanted = query.offset() + query.size();
            TopDocs top = newest
                    ? searcher.search(plan.query(), wanted, NEWEST_FIRST)
                    : searcher.search(plan.query(), wanted, BEST_THEN_NEWEST, true);
            List<SearchHit> hits = new ArrayList<>();
            var stored = searcher.storedFields();
            for (int i = query.offset(); i < top.scoreDocs.length; i++) {
                ScoreDoc scoreDoc = top.scoreDocs[i];
                Document doc = stored.document(scoreDoc.doc);
                AccessLevel level = AccessLevel.valueOf(doc.get(ACCESS));
                String text = query.fullTextLevels().contains(level) ? doc.get(BODY) : doc.get(PREVIEW);
                hits.add(new SearchHit(new ArticleId(doc.get(ID)), Float.isNaN(scoreDoc.score) ? 0 : scoreDoc.score,
                        doc.get(HEADLINE), doc.get(LEAD), text, doc.get(SECTION), level,
                        Instant.ofEpochMilli(doc.getField(PUBLISHED).numericValue().longValue())));
            }
            return new SearchHits(hits, top.totalHits.value(), false);
        });
    }

    @Override
    public Optional<IndexedArticle> find(ArticleId id) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(ID, id.value())), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(indexed(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    @Override
    public List<Similar> similar(IndexedArticle article, int limit) {
        return withSearcher(searcher -> {
            // The article's own words find the candidates: the 80 heaviest seen in at least 5
            // articles (settings chosen on the benchmark, docs/benchmarks.md).
            IndexReader reader = searcher.getIndexReader();
            Map<String, Integer> counts = counts(searcher, article);
            Map<String, Integer> known = documentFrequencies(reader);
            Map<String, Integer> frequencies = new HashMap<>();
            for (String term : counts.keySet()) {
                Integer frequency = known.get(term);
                if (frequency == null) {
                    frequency = reader.docFreq(new Term(BODY, term));
                    known.put(term, frequency);
                }
                frequencies.put(term, frequency);
            }
            WordVector source = WordVector.of(counts, frequencies, reader.numDocs());
            Query query = queries.similar(article, source.telling(QUERY_TERMS, MIN_DOC_FREQ));
            TopDocs top = searcher.search(query, Recommendations.CANDIDATES);
            var stored = searcher.storedFields();
            var vectors = reader.termVectors();
            List<Recommendations.Candidate> candidates = new ArrayList<>();
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                Document doc = stored.document(scoreDoc.doc, CANDIDATE_FIELDS);
                double similarity = source.similarity(termFrequencies(vectors.get(scoreDoc.doc)));
                candidates.add(new Recommendations.Candidate(indexed(doc), (float) similarity, doc.get(FINGERPRINT)));
            }
            return Recommendations.choose(article, Fingerprint.of(article.body()), candidates, limit, bigrams);
        });
    }

    /**
     * How often the article uses each word: its body's words as the index counted them (the
     * term vector stored with it), its headline's and lead's analysed now. Analysing the whole
     * text again was a sixth of a list's cost; an article not in the index (or indexed without
     * its vector) is analysed whole.
     */
    private Map<String, Integer> counts(IndexSearcher searcher, IndexedArticle article) throws IOException {
        TopDocs own = searcher.search(new TermQuery(new Term(ID, article.id().value())), 1);
        Terms body = own.scoreDocs.length == 0 ? null : searcher.getIndexReader().termVectors().get(own.scoreDocs[0].doc, BODY);
        if (body == null) {
            return WordVector.counts(words, article.headline(), article.lead() + "\n" + article.body());
        }
        Map<String, Integer> counts = WordVector.counts(words, article.headline(), article.lead());
        termFrequencies(body).forEach((term, frequency) -> counts.merge(term, (int) frequency, Integer::sum));
        return counts;
    }

    /** Documents per word of the body field, for one reader: see {@link #documentFrequencies}. */
    private record KnownFrequencies(Object readerKey, Map<String, Integer> frequencies) {
    }

    private static final int KNOWN_FREQUENCIES_AT_MOST = 2_000_000;
    private volatile KnownFrequencies knownFrequencies = new KnownFrequencies(new Object(), new ConcurrentHashMap<>());

    /**
     * The document frequencies already looked up in this reader. Lists computed one after
     * another (after a bulk import, thousands against the same reader) ask for the same common
     * words again and again, and each look-up visits every segment: a fifth of a list's cost.
     * A new reader (anything indexed since) starts afresh, so a count is never stale.
     */
    private Map<String, Integer> documentFrequencies(IndexReader reader) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        Object key = helper == null ? reader : helper.getKey();
        KnownFrequencies known = knownFrequencies;
        if (known.readerKey() != key || known.frequencies().size() > KNOWN_FREQUENCIES_AT_MOST) {
            known = new KnownFrequencies(key, new ConcurrentHashMap<>());
            knownFrequencies = known;
        }
        return known.frequencies();
    }

    /**
     * A candidate's words as the re-ranking reads them: its headline's, lead's and body's term
     * vectors counted together, as the article's own side counts its whole text. An index built
     * before the headline and lead kept vectors gives the body's alone until it is rebuilt.
     */
    private static WordVector.TermFrequencies termFrequencies(Fields fields) throws IOException {
        if (fields == null) {
            return WordVector.TermFrequencies.NONE;
        }
        return WordVector.TermFrequencies.ofArticle(termFrequencies(fields.terms(HEADLINE)),
                termFrequencies(fields.terms(LEAD)), termFrequencies(fields.terms(BODY)));
    }

    /** A stored term vector as the re-ranking reads it. */
    private static WordVector.TermFrequencies termFrequencies(Terms terms) {
        if (terms == null) {
            return WordVector.TermFrequencies.NONE;
        }
        return each -> {
            try {
                TermsEnum iterator = terms.iterator();
                BytesRef term;
                while ((term = iterator.next()) != null) {
                    each.accept(term.utf8ToString(), iterator.totalTermFreq());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private IndexedArticle indexed(Document doc) {
        return new IndexedArticle(new ArticleId(doc.get(ID)), doc.get(HEADLINE), orEmpty(doc.get(LEAD)),
                orEmpty(doc.get(BODY)), orEmpty(doc.get(PREVIEW)), doc.get(SECTION), doc.get(SERIES), AccessLevel.valueOf(doc.get(ACCESS)),
                Instant.ofEpochMilli(doc.getField(PUBLISHED).numericValue().longValue()),
                List.of(doc.getValues(ENTITY)), List.of(doc.getValues(KEYWORD)), doc.get(DUPLICATE));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public long size() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        generationsLock.readLock().lock();
        try {
            SearcherManager searchers = live.searchers();
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Search failed", e);
        } finally {
            generationsLock.readLock().unlock();
        }
    }

    // --- generations and rebuilds ----------------------------------------------------

    @Override
    public synchronized Rebuild startRebuild() {
        Generation target;
        generationsLock.writeLock().lock();
        try {
            if (building != null) {
                throw new IllegalStateException("A rebuild is already running");
            }
            // Never the folder being served, even for two rebuilds within one millisecond.
            Path next = root.resolve("index-" + System.currentTimeMillis());
            for (int n = 1; Files.exists(next); n++) {
                next = root.resolve("index-" + System.currentTimeMillis() + "-" + n);
            }
            building = open(next);
            target = building;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a rebuild", e);
        } finally {
            generationsLock.writeLock().unlock();
        }
        return new Rebuild() {
            /**
             * The rebuild read this article from the database before a change written to both
             * generations since it started (a catch-up, the queue), or after it: either way the
             * change written meanwhile is at least as new, so it is not overwritten.
             */
            @Override
            public void add(IndexedArticle article) {
                if (target.changedMeanwhile().contains(article.id().value())) {
                    return;
                }
                try {
                    target.writer().updateDocument(new Term(ID, article.id().value()), document(article));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void addAll(List<IndexedArticle> articles) {
                // as add(): a change written meanwhile is at least as new as the rebuild's copy
                addOnEveryCore(target.writer(), articles.stream()
                        .filter(article -> !target.changedMeanwhile().contains(article.id().value())).toList());
            }

            @Override
            public void commit() {
                swap(target);
            }

            @Override
            public void abandon() {
                discard(target);
            }
        };
    }

    private synchronized void swap(Generation next) {
        try {
            // A fresh index of many small segments makes every term look-up visit each of
            // them; merging now, while nobody searches it yet, keeps look-ups cheap. Changes
            // still arrive meanwhile: the switch below waits only for the last commit.
            next.writer().forceMerge(MERGED_SEGMENTS);
            Generation old;
            generationsLock.writeLock().lock();
            try {
                next.writer().commit();
                next.refresher().waitForGeneration(next.writer().getMaxCompletedSequenceNumber(), 5_000);
                Files.writeString(root.resolve("current"), next.path().getFileName().toString());
                old = live;
                live = next;
                building = null;
                next.changedMeanwhile().clear();
            } finally {
                generationsLock.writeLock().unlock();
            }
            old.close();
            deleteTree(old.path());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Could not switch to the rebuilt index", e);
        }
    }

    private synchronized void discard(Generation next) {
        generationsLock.writeLock().lock();
        try {
            building = null;
        } finally {
            generationsLock.writeLock().unlock();
        }
        try {
            next.close();
            deleteTree(next.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A rebuild cut off by a crash (kill -9, power) leaves its half-written directory beside the
     * index being served, which stays the current one: the half is thrown away, and a rebuild
     * started again starts afresh.
     */
    private void deleteAbandonedRebuilds(Path current) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                if (child.getFileName().toString().startsWith("index-") && !child.equals(current)) {
                    deleteTree(child);
                }
            }
        }
    }

    private Path currentPath() throws IOException {
        Path pointer = root.resolve("current");
        if (Files.exists(pointer)) {
            return root.resolve(Files.readString(pointer).strip());
        }
        Path first = root.resolve("index-0");
        Files.writeString(pointer, first.getFileName().toString());
        return first;
    }

    private Generation open(Path path) throws IOException {
        Files.createDirectories(path);
        FSDirectory directory = FSDirectory.open(path);
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                // A commit otherwise waits up to half a second for merges of the segments it
                // flushed: per batch of an import, that was most of the indexing thread's time.
                .setMaxFullFlushMergeWaitMillis(0)
                .setRAMBufferSizeMB(48);
        IndexWriter writer = new IndexWriter(directory, config);
        writer.commit(); // an empty index is still an index readers can open
        SearcherManager searchers = new SearcherManager(writer, new SearcherFactory());
        var refresher = new ControlledRealTimeReopenThread<>(writer, searchers, 1.0, 0.05);
        refresher.setName("search-index-refresh");
        refresher.setDaemon(true);
        refresher.start();
        return new Generation(path, directory, writer, searchers, refresher, new Object(), new long[] {0},
                ConcurrentHashMap.newKeySet());
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (building != null) {
            discard(building);
        }
        live.close();
    }
}
