package jp.kawaraban.text;

import java.util.List;

import jp.kawaraban.text.KuromojiTokens.Token;

/**
 * What {@link StructuredPerceptron} weighs of a whole stretch of text taken as one name
 * (decision 0054), beside what it weighs at each of its characters ({@link CharacterFeatures}):
 * whether exactly this string is a name the dictionaries know ({@link DictionaryNames}) or one
 * the training sentences marked ({@link NameList}), and of which kinds; whether it begins or
 * ends with one (天満屋 + 女子陸上部, 英 + ケーブル・アンド・ワイヤレス); its length; the
 * pattern of its character classes; whether its ends fall where Kuromoji's words do, and the
 * words at its ends and around it; its first and last characters and the characters around it.
 * The per-character labels see only a few characters either side; these see the span whole.
 *
 * <p>Each observation is a 64-bit hash of its template and values, never a string: a sentence
 * has some fifty spans per character to weigh.
 */
final class SpanFeatures {

    /** The longest span weighed as a name, in UTF-16 units. */
    static final int LONGEST = 32;

    private static final long LENGTH = 1, DICTIONARY_TAG = 2, DICTIONARY_KINDS = 3, DICTIONARY_NONE = 4, LISTED = 5,
            CLASSES = 6, ALIGNED = 7, POS = 8, HEAD = 9, LAST = 10, LAST_TWO = 11, FIRST = 12, AROUND = 13,
            WORD_BEFORE = 14, WORD_AFTER = 15, PREFIX = 16, PREFIX_REST = 17, SUFFIX = 18, LISTED_NONE = 19,
            FIRST_WORD = 20, LISTED_PREFIX = 21, LISTED_SUFFIX = 22;

    /** For each tag bit of {@link DictionaryNames#TAGS}, the bit of its kind letter. */
    private static final int[] KIND_OF_TAG = new int[DictionaryNames.TAGS.size()];

    static {
        String letters = "";
        for (int k = 0; k < KIND_OF_TAG.length; k++) {
            char letter = DictionaryNames.TAGS.get(k).charAt(1);
            if (letters.indexOf(letter) < 0) {
                letters += letter;
            }
            KIND_OF_TAG[k] = 1 << letters.indexOf(letter);
        }
    }

    private final int n;
    private final char[] c;
    private final char[] type;
    /** A word begins at the character. */
    private final boolean[] wordStart;
    /** A word ends before the character ({@code n + 1} entries). */
    private final boolean[] wordEnd;
    /** The word a character is in, or -1. */
    private final int[] wordAt;
    private final long[] wordTerm;
    private final long[] wordPos;
    /** {@code dictionary[start][length]}: the table's tag bits for the span; a null row where none starts. */
    private final long[][] dictionary;
    /** {@code listed[start][length]}: the list's entry for the span; a null row where none starts. */
    private final int[][] listed;
    /** The lengths of the table's surfaces starting at a character, and of those ending before one; null for none. */
    private final int[][] tableFrom;
    private final int[][] tableTo;
    /** The same for the list's names. */
    private final int[][] listFrom;
    private final int[][] listTo;

    SpanFeatures(String text, char[] c, char[] type, List<Token> tokens, NameList names, DictionaryNames table) {
        this.n = c.length;
        this.c = c;
        this.type = type;
        wordStart = new boolean[n + 1];
        wordEnd = new boolean[n + 1];
        wordAt = new int[n];
        java.util.Arrays.fill(wordAt, -1);
        wordTerm = new long[tokens.size()];
        wordPos = new long[tokens.size()];
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            wordTerm[t] = hash(token.term());
            wordPos[t] = hash(token.pos());
            if (token.start() < n) {
                wordStart[token.start()] = true;
            }
            if (token.end() <= n) {
                wordEnd[token.end()] = true;
            }
            for (int i = token.start(); i < token.end() && i < n; i++) {
                wordAt[i] = t;
            }
        }
        dictionary = new long[n][];
        listed = new int[n][];
        long[] bits = new long[LONGEST + 1];
        int[] entries = new int[LONGEST + 1];
        int[][] tableEnds = new int[n + 1][];
        int[][] listEnds = new int[n + 1][];
        tableFrom = new int[n][];
        listFrom = new int[n][];
        for (int start = 0; start < n; start++) {
            if (table.exact(c, start, LONGEST, bits)) {
                dictionary[start] = bits.clone();
                for (int length = 1; length <= LONGEST; length++) {
                    if (bits[length] != 0) {
                        tableFrom[start] = append(tableFrom[start], length);
                        tableEnds[start + length] = append(tableEnds[start + length], length);
                    }
                }
            }
            if (names.exact(text, start, LONGEST, entries)) {
                listed[start] = entries.clone();
                for (int length = 2; length <= LONGEST; length++) {
                    if (entries[length] != 0) {
                        listFrom[start] = append(listFrom[start], length);
                        listEnds[start + length] = append(listEnds[start + length], length);
                    }
                }
            }
        }
        tableTo = tableEnds;
        listTo = listEnds;
    }

    private static int[] append(int[] lengths, int length) {
        if (lengths == null) {
            return new int[] {length};
        }
        int[] longer = java.util.Arrays.copyOf(lengths, lengths.length + 1);
        longer[lengths.length] = length;
        return longer;
    }

    /** The longest of {@code lengths} below {@code below}, or 0. */
    private static int longestBelow(int[] lengths, int below) {
        int longest = 0;
        if (lengths != null) {
            for (int length : lengths) {
                if (length < below && length > longest) {
                    longest = length;
                }
            }
        }
        return longest;
    }

    /**
     * The observations of the span {@code [start, end)}, written to {@code out} (room for
     * {@link #MOST}); how many.
     */
    int of(int start, int end, long[] out) {
        int length = end - start;
        int k = 0;
        long bucket = bucket(length);
        out[k++] = key(LENGTH, bucket);
        long tags = dictionary[start] == null || length > LONGEST ? 0 : dictionary[start][length];
        if (tags != 0) {
            int kinds = 0;
            for (int b = 0; b < KIND_OF_TAG.length; b++) {
                if ((tags & 1L << b) != 0) {
                    out[k++] = key(DICTIONARY_TAG, b);
                    kinds |= KIND_OF_TAG[b];
                }
            }
            out[k++] = key(DICTIONARY_KINDS, kinds);
        } else {
            out[k++] = key(DICTIONARY_NONE, bucket);
        }
        int entry = listed[start] == null || length > LONGEST ? 0 : listed[start][length];
        if (entry != 0) {
            out[k++] = key(LISTED, entry);
        } else {
            out[k++] = key(LISTED_NONE, bucket);
        }
        out[k++] = key(CLASSES, classes(start, end));
        boolean startsWord = wordStart[start];
        boolean endsWord = wordEnd[end];
        int first = wordAt[start];
        int last = wordAt[end - 1];
        out[k++] = key(ALIGNED, (startsWord ? 2 : 0) + (endsWord ? 1 : 0), first < 0 || last < 0 ? 0 : Math.min(last - first + 1, 5));
        if (first >= 0 && last >= 0) {
            out[k++] = key(POS, (startsWord ? 2 : 0) + (endsWord ? 1 : 0), wordPos[first], wordPos[last]);
        }
        if (endsWord && last >= 0) {
            out[k++] = key(HEAD, wordTerm[last]);
        }
        if (startsWord && first >= 0) {
            out[k++] = key(FIRST_WORD, wordTerm[first]);
        }
        out[k++] = key(LAST, c[end - 1]);
        if (length >= 2) {
            out[k++] = key(LAST_TWO, c[end - 2], c[end - 1]);
        }
        out[k++] = key(FIRST, c[start]);
        out[k++] = key(AROUND, start == 0 ? '^' : c[start - 1], end == n ? '$' : c[end]);
        if (startsWord) {
            out[k++] = key(WORD_BEFORE, first > 0 ? wordTerm[first - 1] : 0);
        }
        if (endsWord && last >= 0) {
            out[k++] = key(WORD_AFTER, last + 1 < wordTerm.length ? wordTerm[last + 1] : 0);
        }
        if (length >= 2) {
            // the longest listed beginning and the longest listed ending of the span, shorter than it
            int p = longestBelow(tableFrom[start], length);
            if (p > 0) {
                int kinds = kinds(dictionary[start][p]);
                out[k++] = key(PREFIX, kinds, c[end - 1]);
                out[k++] = key(PREFIX_REST, kinds, bucket(length - p));
            }
            p = longestBelow(tableTo[end], length);
            if (p > 0) {
                out[k++] = key(SUFFIX, kinds(dictionary[end - p][p]), c[start]);
            }
            p = longestBelow(listFrom[start], length);
            if (p > 0) {
                out[k++] = key(LISTED_PREFIX, listed[start][p] & 63, c[end - 1]);
            }
            p = longestBelow(listTo[end], length);
            if (p > 0) {
                out[k++] = key(LISTED_SUFFIX, listed[end - p][p] & 63, c[start]);
            }
        }
        return k;
    }

    /** Room {@link #of} needs. */
    static final int MOST = 64;

    private static int kinds(long tags) {
        int kinds = 0;
        for (int b = 0; b < KIND_OF_TAG.length; b++) {
            if ((tags & 1L << b) != 0) {
                kinds |= KIND_OF_TAG[b];
            }
        }
        return kinds;
    }

    /** The classes of the span's characters with runs collapsed, at most six runs: 英ケーブル → KA. */
    private long classes(int start, int end) {
        long h = 0;
        int runs = 0;
        for (int i = start; i < end; i++) {
            if (i == start || type[i] != type[i - 1]) {
                if (++runs > 6) {
                    return h * 31 + '+';
                }
                h = h * 31 + type[i];
            }
        }
        return h;
    }

    private static long bucket(int length) {
        return length <= 8 ? length : length <= 10 ? 9 : length <= 13 ? 10 : length <= 18 ? 11 : 12;
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    static long key(long template, long a) {
        return nonZero(mix(template * 0x9E3779B97F4A7C15L + mix(a)));
    }

    static long key(long template, long a, long b) {
        return nonZero(mix(mix(template * 0x9E3779B97F4A7C15L + mix(a)) + b));
    }

    static long key(long template, long a, long b, long c) {
        return nonZero(mix(mix(mix(template * 0x9E3779B97F4A7C15L + mix(a)) + b) + c));
    }

    private static long nonZero(long h) {
        return h == 0 ? 1 : h;
    }

    int length() {
        return n;
    }
}
