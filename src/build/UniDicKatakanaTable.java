import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

import com.atilika.kuromoji.dict.TokenInfoDictionary;
import com.atilika.kuromoji.unidic.Token;
import com.atilika.kuromoji.unidic.Tokenizer;
import com.atilika.kuromoji.util.SimpleResourceResolver;

/**
 * Writes the table of UniDic's katakana words that the katakana fold reads (decision 0050):
 * every spelling made of katakana alone that UniDic reads as one whole known word, with that
 * word's lemma (as UniDic writes it), the lemma's reading, the origin UniDic glosses it with (the
 * part after "-" in ボート-boat), and whether UniDic files it as a name (固有名詞). Nothing else of
 * the dictionary is kept, and the dictionary itself is not shipped.
 *
 * <p>Run at build time by Maven (pom.xml, execution "unidic-katakana-table") as a single-file
 * program, with Atilika's packaging of UniDic 2.1.2 (com.atilika.kuromoji:kuromoji-unidic:0.9.0
 * and kuromoji-core) on its class path, copied there from the local repository; neither is a
 * dependency of the application:
 *
 * <pre>java -cp 'target/unidic/*' src/build/UniDicKatakanaTable.java target/classes/text/unidic-katakana.tsv.gz</pre>
 *
 * The spellings are the written forms (書字形) of the dictionary's entries that are all katakana;
 * each is then given to UniDic's own tokenizer, and kept only if it comes back as one known token
 * with that very surface: the same question the fold asked the whole dictionary before
 * (branch issue19-fold-unidic). The output is sorted and carries no date, so the same artifact
 * gives the same bytes. It is skipped when the table is newer than this file and the jars.
 */
public class UniDicKatakanaTable {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path source = Path.of(args.length > 1 ? args[1] : "src/build/UniDicKatakanaTable.java");
        if (upToDate(out, source)) {
            System.out.println("UniDic katakana table up to date: " + out);
            return;
        }
        long start = System.nanoTime();
        TokenInfoDictionary dictionary = TokenInfoDictionary.newInstance(new SimpleResourceResolver(Tokenizer.class));
        TreeSet<String> spellings = new TreeSet<>();
        int entries = 0;
        for (int id = 0; ; id++) {
            String[] features;
            try {
                features = dictionary.getAllFeaturesArray(id);
            } catch (RuntimeException end) {
                break;
            }
            if (features == null) {
                break;
            }
            entries++;
            // 8: the written form (書字形), 10: its base form
            for (int field : new int[] {8, 10}) {
                if (features.length > field && isKatakanaWord(features[field])) {
                    spellings.add(features[field]);
                }
            }
        }
        Tokenizer tokenizer = new Tokenizer();
        // lemma line -> its number; spelling -> lemma number
        Map<String, Integer> lemmas = new TreeMap<>();
        Map<String, String> lemmaOf = new TreeMap<>();
        for (String spelling : spellings) {
            List<Token> tokens = tokenizer.tokenize(spelling);
            if (tokens.size() != 1 || !tokens.get(0).isKnown() || !tokens.get(0).getSurface().equals(spelling)) {
                continue;
            }
            Token token = tokens.get(0);
            String lemma = token.getLemma();
            if (lemma == null || lemma.isEmpty() || lemma.equals("*")) {
                continue;
            }
            int dash = lemma.indexOf('-');
            String gloss = dash < 0 ? "" : lemma.substring(dash + 1);
            String written = dash < 0 ? lemma : lemma.substring(0, dash);
            String reading = token.getLemmaReadingForm();
            if (reading == null || reading.isEmpty() || reading.equals("*")) {
                reading = written;
            }
            String name = "固有名詞".equals(token.getPartOfSpeechLevel2()) ? "n" : "";
            String line = String.join("\t", written, reading, gloss, name);
            lemmas.putIfAbsent(line, 0);
            lemmaOf.put(spelling, line);
        }
        List<String> lemmaLines = new ArrayList<>(lemmas.keySet());
        for (int i = 0; i < lemmaLines.size(); i++) {
            lemmas.put(lemmaLines.get(i), i);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path temporary = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream file = Files.newOutputStream(temporary);
             GZIPOutputStream gzip = new GZIPOutputStream(file);
             Writer writer = new OutputStreamWriter(gzip, StandardCharsets.UTF_8)) {
            writer.write("# UniDic's katakana words for the katakana fold (decision 0050), made at build time by\n"
                    + "# src/build/UniDicKatakanaTable.java from com.atilika.kuromoji:kuromoji-unidic:0.9.0\n"
                    + "# (UniDic 2.1.2, copyright (c) 2011-2013 The UniDic Consortium; used under its BSD licence, see NOTICE).\n"
                    + "# " + lemmaLines.size() + " lemmas (written form, reading, gloss, n for a name),"
                    + " then " + lemmaOf.size() + " spellings (spelling, lemma number).\n");
            writer.write(lemmaLines.size() + "\n");
            for (String line : lemmaLines) {
                writer.write(line);
                writer.write('\n');
            }
            for (Map.Entry<String, String> entry : lemmaOf.entrySet()) {
                writer.write(entry.getKey());
                writer.write('\t');
                writer.write(Integer.toString(lemmas.get(entry.getValue())));
                writer.write('\n');
            }
        }
        Files.move(temporary, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("UniDic katakana table: %d entries read, %d katakana spellings asked, %d kept under %d lemmas,"
                + " %d bytes, %d ms: %s%n", entries, spellings.size(), lemmaOf.size(), lemmaLines.size(), Files.size(out),
                (System.nanoTime() - start) / 1_000_000, out);
    }

    /** True if {@code word} is one or more katakana letters (or ー, ヽ, ヾ) and nothing else. */
    static boolean isKatakanaWord(String word) {
        if (word == null || word.isEmpty()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean letter = c >= 'ァ' && c <= 'ヺ' || c == 'ー' || c == 'ヽ' || c == 'ヾ' || c >= '\u31F0' && c <= '\u31FF';
            if (!letter) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code out} exists and is newer than this program and the jars on the class path. */
    private static boolean upToDate(Path out, Path source) throws IOException {
        if (!Files.exists(out)) {
            return false;
        }
        FileTime made = Files.getLastModifiedTime(out);
        List<Path> inputs = new ArrayList<>();
        if (Files.exists(source)) {
            inputs.add(source);
        }
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry);
            if (Files.isDirectory(path)) {
                try (var jars = Files.list(path)) {
                    jars.filter(jar -> jar.toString().endsWith(".jar")).forEach(inputs::add);
                }
            } else if (Files.exists(path)) {
                inputs.add(path);
            }
        }
        for (Path input : inputs) {
            if (Files.getLastModifiedTime(input).compareTo(made) > 0) {
                return false;
            }
        }
        return true;
    }
}
