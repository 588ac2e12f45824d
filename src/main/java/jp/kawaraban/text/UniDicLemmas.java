package jp.kawaraban.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The lemma UniDic gives a whole katakana word: what the word <em>is</em>, where the fold's
 * rules only see how it is spelled. UniDic maps spelling variants to one lemma and glosses a
 * loanword's lemma with its origin (ヴァイオリン and バイオリン are both バイオリン-violin,
 * ヴォート is ボート-vote and ボート is ボート-boat), which IPADIC does not record (decision
 * 0047). Only whole words are known: a word UniDic cuts into several tokens, or does not know,
 * has no lemma here.
 *
 * <p>Read from a table made at build time (decision 0050): {@value #RESOURCE}, written by
 * {@code src/build/UniDicKatakanaTable.java} from Atilika's packaging of UniDic 2.1.2, which is
 * not on the application's class path. It holds every all-katakana spelling that UniDic's own
 * tokenizer reads as one known word (about 79,000) and the lemmas they belong to (about 66,000),
 * and nothing else of the dictionary. Both are kept packed in a few arrays — the spellings sorted
 * in one {@code char[]} and looked up by binary search, the lemmas' fields in another — so that
 * the table holds a few MiB of heap where the whole dictionary held 148 MiB, and loads in a
 * fraction of a second. A {@link Lemma} is made when one is asked for.
 */
final class UniDicLemmas {

    /** The table, on the class path: made by the build (pom.xml), not kept in the repository. */
    static final String RESOURCE = "/text/unidic-katakana.tsv.gz";

    /**
     * A whole word's lemma: how UniDic writes it (バイオリン, 水木, びら), its reading (katakana),
     * the origin gloss if any (violin, boat, 外国 for "some foreign name"), and whether UniDic
     * files it as a name (固有名詞).
     */
    record Lemma(String written, String reading, String gloss, boolean properNoun) {

        /**
         * True if this lemma and {@code other} are one word. The readings must fold alike (the
         * reading, not the written lemma: ミヅキ's lemma is 水木 and ミズキ's is ミズキ, both read
         * ミズキ). Then the glosses decide, as far as they can:
         * <ul>
         *   <li>two common words must have one gloss, case aside: ボート-boat is not ボート-vote,
         *       ビラ-villa not びら, ルーラー-ruler not ルーラ;</li>
         *   <li>two names are one name: UniDic glosses ハーベー both Harvey and Harveys, and many
         *       names only 外国, "foreign";</li>
         *   <li>a name and a common word are one word only if the common word is a katakana word
         *       with no gloss (UniDic files ビッセル as a common noun and ヴィッセル as the name of
         *       the club) or has the same gloss, or neither has one (ビクター-Victor and
         *       ビクター-victor; ミヅキ, 水木, and the name ミズキ): ベリー-外国 is
         *       not ベリー-berry, シルバ (Silva) not シルバー-silver, and ベラ-外国 not 遍羅, a
         *       fish UniDic writes in kanji.</li>
         * </ul>
         */
        boolean isSameWordAs(Lemma other) {
            if (!KatakanaFolding.foldByRules(reading).equals(KatakanaFolding.foldByRules(other.reading))) {
                return false;
            }
            if (properNoun && other.properNoun) {
                return true;
            }
            if (properNoun != other.properNoun) {
                Lemma common = properNoun ? other : this;
                if (common.gloss == null && isKatakana(common.written)) {
                    return true;
                }
            }
            return gloss == null ? other.gloss == null : gloss.equalsIgnoreCase(other.gloss);
        }

        private static boolean isKatakana(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (!KatakanaFolding.isKatakanaLetter(text.charAt(i))) {
                    return false;
                }
            }
            return !text.isEmpty();
        }

        /**
         * True if this lemma and {@code other} are one lemma for rule 7: the same written lemma
         * (ヘッダー for ヘッダー and ヘッダ) and no two different glosses. Stricter than
         * {@link #isSameWordAs}, which lets two names be one: ガーナー (Garner) and ガーナ (Ghana)
         * are two names and two words.
         */
        boolean isSameLemmaAs(Lemma other) {
            return written.equals(other.written)
                    && (gloss == null || other.gloss == null || gloss.equalsIgnoreCase(other.gloss));
        }

        /**
         * The gloss if it is an origin spelled in Latin letters (header, Sarah, cola), lower-cased,
         * without a note in brackets or what follows a space; null for none, or for 外国.
         */
        String latinGloss() {
            if (gloss == null) {
                return null;
            }
            String origin = gloss.strip();
            int cut = origin.indexOf('(');
            if (cut >= 0) {
                origin = origin.substring(0, cut).strip();
            }
            int space = origin.lastIndexOf(' ');
            if (space >= 0) {
                origin = origin.substring(space + 1);
            }
            if (origin.isEmpty()) {
                return null;
            }
            for (int i = 0; i < origin.length(); i++) {
                char c = origin.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '\'' || c == '.')) {
                    return null;
                }
            }
            return origin.toLowerCase(Locale.ROOT);
        }

        /**
         * True if an origin ends in a sound that katakana writes with a final ー: -er, -or, -ar,
         * -ure (header, rotor, capture), -y, -ee, -ie, -ey, -ea (party, Lee, movie), -ow, -aw,
         * -eau (show, rondeau), -i (taxi). Not -a, -o or a consonant: cola, Sarah, schema and
         * Alda do not, so コーラー, サラー, スキーマー and アルダー are other words.
         */
        static boolean endsInALongSound(String origin) {
            String word = origin.replaceAll("[^a-z]+$", "");
            for (String ending : new String[] {"er", "or", "ar", "ur", "ir", "yr", "re", "y", "ee", "ie", "ey", "ea",
                    "ow", "aw", "eau", "i"}) {
                if (word.endsWith(ending)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * True if an origin ends in a short -a (cola, Sarah, Alda, schema), which katakana does not
         * write with a final ー: UniDic files コーラー under コーラ-cola and サラー under サラ-Sarah,
         * but a writer who puts the mark there means another word (Kohler, Salah).
         */
        static boolean endsInAShortA(String origin) {
            String word = origin.replaceAll("[^a-z]+$", "");
            return word.endsWith("ah") || word.endsWith("a") && !word.endsWith("ea");
        }

        /** This word's mark in a key: its folded reading and what it is (a name, or its gloss). */
        String mark() {
            String folded = KatakanaFolding.foldByRules(reading);
            return folded + ":" + (properNoun ? "name" : gloss == null ? "" : gloss.toLowerCase(Locale.ROOT));
        }

        /**
         * True if the gloss is an English (or other Latin-letter) origin without v or w: bolt, boat,
         * Balkan, bat(棒) — a note in brackets, which UniDic adds to tell two senses apart, aside.
         */
        boolean glossedWithoutV() {
            if (gloss == null || gloss.isEmpty()) {
                return false;
            }
            int bracket = gloss.indexOf('(');
            String origin = bracket < 0 ? gloss : gloss.substring(0, bracket);
            boolean latin = false;
            for (int i = 0; i < origin.length(); i++) {
                char c = Character.toLowerCase(origin.charAt(i));
                if (c == 'v' || c == 'w') {
                    return false;
                }
                if (c >= 'a' && c <= 'z') {
                    latin = true;
                } else if (c > 0x7f) {
                    return false; // 外国 and other glosses that are not an origin's spelling
                }
            }
            return latin;
        }
    }

    private UniDicLemmas() {
    }

    /** Loads the table now, if it is not loaded yet (a node does it while it starts). */
    static void load() {
        java.util.Objects.requireNonNull(Table.INSTANCE); // reading the field loads the class
    }

    /** The lemma of {@code word} if UniDic knows it as one whole word, else empty. */
    static Optional<Lemma> of(String word) {
        return Optional.ofNullable(Table.INSTANCE.lemma(word));
    }

    /** Spellings and lemmas in the table, for the measures of docs/benchmarks.md. */
    static int[] size() {
        return new int[] {Table.INSTANCE.spellings(), Table.INSTANCE.lemmas()};
    }

    /** Loaded when first used (the holder idiom), so a JVM that folds no katakana never loads it. */
    private static final class Table {
        static final PackedTable INSTANCE = PackedTable.read(RESOURCE);
    }

    /**
     * The table in five arrays. Spelling {@code i} is {@code spellings[spellingStarts[i],
     * spellingStarts[i + 1])}, sorted as {@link String#compareTo} sorts, and belongs to lemma
     * {@code lemmaOf[i]}; lemma {@code j}'s fields are {@code fields[lemmaStarts[j],
     * lemmaStarts[j + 1])}, separated by tabs as in the file.
     */
    static final class PackedTable {

        private final char[] spellings;
        private final int[] spellingStarts;
        private final int[] lemmaOf;
        private final char[] fields;
        private final int[] lemmaStarts;

        private PackedTable(char[] spellings, int[] spellingStarts, int[] lemmaOf, char[] fields, int[] lemmaStarts) {
            this.spellings = spellings;
            this.spellingStarts = spellingStarts;
            this.lemmaOf = lemmaOf;
            this.fields = fields;
            this.lemmaStarts = lemmaStarts;
        }

        /**
         * Reads the file the build wrote: comment lines (#), the number of lemmas, the lemmas
         * (written form, reading, gloss, "n" for a name), then the spellings (spelling, lemma number).
         */
        static PackedTable read(String resource) {
            try (InputStream in = UniDicLemmas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing classpath resource " + resource
                            + ": the build makes it from UniDic (pom.xml, execution unidic-katakana-table)");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16),
                        StandardCharsets.UTF_8), 1 << 16);
                String line = reader.readLine();
                while (line != null && line.startsWith("#")) {
                    line = reader.readLine();
                }
                int lemmaCount = Integer.parseInt(line.strip());
                StringBuilder fields = new StringBuilder(lemmaCount * 20);
                int[] lemmaStarts = new int[lemmaCount + 1];
                for (int j = 0; j < lemmaCount; j++) {
                    lemmaStarts[j] = fields.length();
                    fields.append(reader.readLine());
                }
                lemmaStarts[lemmaCount] = fields.length();
                StringBuilder spellings = new StringBuilder(1 << 19);
                IntList starts = new IntList();
                IntList lemmaOf = new IntList();
                String previous = null;
                while ((line = reader.readLine()) != null) {
                    int tab = line.indexOf('\t');
                    String spelling = line.substring(0, tab);
                    if (previous != null && previous.compareTo(spelling) >= 0) {
                        throw new IllegalStateException("the table's spellings are not sorted at " + spelling);
                    }
                    previous = spelling;
                    starts.add(spellings.length());
                    spellings.append(spelling);
                    lemmaOf.add(Integer.parseInt(line, tab + 1, line.length(), 10));
                }
                starts.add(spellings.length());
                char[] spellingChars = new char[spellings.length()];
                spellings.getChars(0, spellings.length(), spellingChars, 0);
                char[] fieldChars = new char[fields.length()];
                fields.getChars(0, fields.length(), fieldChars, 0);
                return new PackedTable(spellingChars, starts.toArray(), lemmaOf.toArray(), fieldChars, lemmaStarts);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int spellings() {
            return lemmaOf.length;
        }

        int lemmas() {
            return lemmaStarts.length - 1;
        }

        /** The lemma of {@code word}, or null if the table does not have it. */
        Lemma lemma(String word) {
            int low = 0;
            int high = lemmaOf.length - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                int order = compare(middle, word);
                if (order < 0) {
                    low = middle + 1;
                } else if (order > 0) {
                    high = middle - 1;
                } else {
                    return lemmaAt(lemmaOf[middle]);
                }
            }
            return null;
        }

        /** Spelling {@code i} against {@code word}, in the order of {@link String#compareTo}. */
        private int compare(int i, String word) {
            int start = spellingStarts[i];
            int length = spellingStarts[i + 1] - start;
            int common = Math.min(length, word.length());
            for (int k = 0; k < common; k++) {
                int difference = spellings[start + k] - word.charAt(k);
                if (difference != 0) {
                    return difference;
                }
            }
            return length - word.length();
        }

        private Lemma lemmaAt(int j) {
            String line = new String(fields, lemmaStarts[j], lemmaStarts[j + 1] - lemmaStarts[j]);
            String[] parts = line.split("\t", -1);
            String written = parts[0];
            String reading = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : written;
            String gloss = parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null;
            boolean name = parts.length > 3 && parts[3].equals("n");
            return new Lemma(written, reading, gloss, name);
        }
    }

    /** A growing array of ints, to read the table without boxing. */
    private static final class IntList {
        private int[] values = new int[1 << 16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
