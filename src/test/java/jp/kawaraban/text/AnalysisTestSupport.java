package jp.kawaraban.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Helpers shared by the text tests: running an analyzer, reading the word tables. */
final class AnalysisTestSupport {

    private AnalysisTestSupport() {
    }

    /** A token as the index sees it: its term and where it came from in the text. */
    record Token(String term, int start, int end) {
    }

    static List<String> terms(Analyzer analyzer, String text) {
        return tokens(analyzer, text).stream().map(Token::term).toList();
    }

    static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** A line of a word table: two spellings and the note after them, if any. */
    record Pair(String first, String second, String note, int line) {
        @Override
        public String toString() {
            return first + " / " + second + " (line " + line + (note.isEmpty() ? "" : ", " + note) + ")";
        }
    }

    /** Reads a tab-separated table of pairs from the test classpath; # starts a comment line. */
    static List<Pair> readPairs(String resource) {
        try (InputStream in = AnalysisTestSupport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return readPairs(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pairs of a list kept outside the test resources (bench/lists/, read from the project folder). */
    static List<Pair> readPairs(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readPairs(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Pair> readPairs(BufferedReader reader, String name) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        for (Row row : rows(reader)) {
            String[] columns = row.columns();
            if (columns.length < 2 || columns[0].isBlank() || columns[1].isBlank()) {
                throw new IllegalStateException(name + " line " + row.line() + " is not two tab-separated words");
            }
            pairs.add(new Pair(columns[0].strip(), columns[1].strip(), columns.length > 2 ? columns[2].strip() : "", row.line()));
        }
        return pairs;
    }

    /** One line of a tab-separated table: its columns, and its number in the file (from 1). */
    record Row(String[] columns, int line) {
    }

    /** The rows of a tab-separated table; blank lines and lines that start with # are left out. */
    static List<Row> rows(BufferedReader reader) throws IOException {
        List<Row> rows = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(new Row(line.split("\t"), number));
            }
        }
        return rows;
    }
}
