package jp.kawaraban.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end through a real Lucene index: documents analysed by the three chains, queries
 * analysed by the same chains, found by a spelling the document does not use.
 */
class FoldedSearchTest {

    private static final String WITKOFF_DOC = "米政府のウィットコフ特使は２５日、モスクワでプーチン大統領と会談した。";
    private static final String VIOLIN_DOC = "ヴァイオリン奏者が来日し、二千二十五年の公演を終えた。";
    private static final String DRUMMER_DOC = "人気バンドのドラマーが脱退を発表した。";
    private static final String TACHOMETER_DOC = "整備士は車のタコメータを交換した。";

    private static Directory directory;
    private static DirectoryReader reader;
    private static IndexSearcher searcher;
    private static Analyzer analyzer;

    @BeforeAll
    static void index() throws IOException {
        analyzer = new PerFieldAnalyzerWrapper(JapaneseAnalysis.words(), Map.of(
                "bigrams", JapaneseAnalysis.bigrams(),
                "numbers", JapaneseAnalysis.numbers()));
        directory = new ByteBuffersDirectory();
        FieldType withOffsets = new FieldType();
        withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        withOffsets.setTokenized(true);
        withOffsets.setStored(true);
        withOffsets.freeze();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Map.Entry<String, String> doc : Map.of("witkoff", WITKOFF_DOC, "violin", VIOLIN_DOC,
                    "drummer", DRUMMER_DOC, "tachometer", TACHOMETER_DOC).entrySet()) {
                Document document = new Document();
                document.add(new StringField("id", doc.getKey(), Field.Store.YES));
                for (String field : List.of("words", "bigrams", "numbers")) {
                    document.add(new Field(field, doc.getValue(), withOffsets));
                }
                writer.addDocument(document);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
        analyzer.close();
    }

    @Test
    void aDocumentWithOneSpellingIsFoundByTheOtherInBothFields() throws IOException {
        assertThat(ids(phrase("words", "ウィトコフ特使"))).containsExactly("witkoff");
        assertThat(ids(phrase("bigrams", "ウィトコフ特使"))).containsExactly("witkoff");
        assertThat(ids(phrase("words", "ｳｨｯﾄｺﾌ"))).containsExactly("witkoff");
        assertThat(ids(phrase("words", "バイオリン"))).containsExactly("violin");
        assertThat(ids(phrase("bigrams", "バイオリン"))).containsExactly("violin");
    }

    @Test
    void aLookAlikeWordDoesNotFindTheDocument() throws IOException {
        assertThat(ids(phrase("words", "ドラマ"))).isEmpty();
        assertThat(ids(phrase("words", "ドラマー"))).containsExactly("drummer");
    }

    @Test
    void numbersAreFoundWhateverTheirScript() throws IOException {
        assertThat(ids(phrase("numbers", "2025"))).containsExactly("violin");
        assertThat(ids(phrase("numbers", "２５"))).containsExactly("witkoff");
    }

    @Test
    void theHighlightMarksTheSpellingInTheDocument() throws IOException {
        for (String field : List.of("words", "bigrams")) {
            Query query = phrase(field, "ウィトコフ");
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer).build();
            String[] snippets = highlighter.highlight(field, query, searcher.search(query, 10));
            assertThat(snippets).as(field).hasSize(1);
            assertThat(snippets[0]).as(field).contains("<b>ウィットコフ</b>");
        }
    }

    /**
     * Decision 0055: Kuromoji is given タコメータ as タコメーター, the spelling IPADIC knows, so the
     * two spellings are one term; the offsets still cover the run as written.
     */
    @Test
    void aRunGivenToKuromojiInAnotherSpellingIsFoundAndMarkedAsWritten() throws IOException {
        Query query = phrase("words", "タコメーター");
        assertThat(ids(query)).containsExactly("tachometer");
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer).build();
        String[] snippets = highlighter.highlight("words", query, searcher.search(query, 10));
        assertThat(snippets[0]).contains("<b>タコメータ</b>を交換");
    }

    /** A phrase of the terms {@code text} gives through {@code field}'s chain, as a search box would send it. */
    private static Query phrase(String field, String text) throws IOException {
        PhraseQuery.Builder builder = new PhraseQuery.Builder();
        int position = -1;
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                builder.add(new Term(field, term.toString()), position);
            }
            stream.end();
        }
        return builder.build();
    }

    private static List<String> ids(Query query) throws IOException {
        ScoreDoc[] hits = searcher.search(query, 10).scoreDocs;
        List<String> ids = new ArrayList<>();
        for (ScoreDoc hit : hits) {
            ids.add(searcher.storedFields().document(hit.doc).get("id"));
        }
        return ids;
    }
}
