package jp.kawaraban.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.apache.lucene.analysis.ja.dict.UserDictionary;

/**
 * The Kuromoji user dictionary kept in the repository ({@code text/userdict.txt} on the
 * classpath): names in the news that the bundled IPADIC splits into wrong pieces or does
 * not know. Read once, on first use; a {@link UserDictionary} is immutable, so every
 * tokenizer of every thread shares the one instance.
 *
 * <p>Kuromoji reads text after some kana respellings of {@link KatakanaFolding} (see
 * {@link JapaneseAnalysis#forKuromoji}), so the surface and the segmentation of each entry
 * are respelled the same way when the file is read: the file can say ヴァンス, the
 * tokenizer looks for バンス. Two entries that become the same are kept once.
 */
final class NewsUserDictionary {

    static final String RESOURCE = "/text/userdict.txt";

    private NewsUserDictionary() {
    }

    /** The dictionary; fails loudly if the file is missing or malformed. */
    static UserDictionary get() {
        return Holder.DICTIONARY;
    }

    /**
     * Parses a dictionary in Kuromoji's CSV format, respelling surfaces and segmentations;
     * {@code null} if it has no entries.
     */
    static UserDictionary parse(Reader reader) throws IOException {
        StringBuilder respelled = new StringBuilder();
        Set<String> surfaces = new HashSet<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split(",", -1);
            if (fields.length != 4 || Arrays.stream(fields).anyMatch(String::isBlank)) {
                throw new IllegalArgumentException(
                        "user dictionary line " + number + " is not surface,segmentation,readings,part of speech: " + line);
            }
            fields[0] = KatakanaFolding.respellForKuromoji(fields[0]);
            fields[1] = KatakanaFolding.respellForKuromoji(fields[1]);
            if (!fields[0].equals(fields[1].replace(" ", ""))) {
                throw new IllegalArgumentException(
                        "user dictionary line " + number + ": the segmentation does not spell the surface: " + line);
            }
            if (fields[1].split(" ").length != fields[2].split(" ").length) {
                throw new IllegalArgumentException(
                        "user dictionary line " + number + ": one reading per segment is needed: " + line);
            }
            if (surfaces.add(fields[0])) {
                respelled.append(String.join(",", fields)).append('\n');
            }
        }
        return UserDictionary.open(new StringReader(respelled.toString()));
    }

    private static final class Holder {
        static final UserDictionary DICTIONARY = load();

        private static UserDictionary load() {
            try (InputStream in = NewsUserDictionary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + RESOURCE);
                }
                UserDictionary dictionary = parse(new InputStreamReader(in, StandardCharsets.UTF_8));
                if (dictionary == null) {
                    throw new IllegalStateException(RESOURCE + " has no entries");
                }
                return dictionary;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
