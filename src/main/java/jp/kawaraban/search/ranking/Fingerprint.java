package jp.kawaraban.search.ranking;

import java.util.HexFormat;

/**
 * A MinHash signature of a text's character 4-grams: two articles whose signatures agree in
 * half their slots or more are the same story in different words (a partner's copy, a
 * rewrite). Kept in the index (either engine) so recommendations can compare candidates without
 * reading their text again.
 */
public final class Fingerprint {

    static final int SLOTS = 32;
    private static final int GRAM = 4;
    private static final long[] SEEDS = new long[SLOTS];

    static {
        long seed = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SLOTS; i++) {
            seed = mix(seed + i);
            SEEDS[i] = seed;
        }
    }

    private Fingerprint() {
    }

    public static String of(String text) {
        String letters = text == null ? "" : text.replaceAll("[\\s\\p{Punct}、。「」『』（）・]", "");
        long[] minimum = new long[SLOTS];
        java.util.Arrays.fill(minimum, Long.MAX_VALUE);
        for (int i = 0; i + GRAM <= letters.length(); i++) {
            long gram = letters.substring(i, i + GRAM).hashCode();
            for (int slot = 0; slot < SLOTS; slot++) {
                long hash = mix(gram ^ SEEDS[slot]);
                if (hash < minimum[slot]) {
                    minimum[slot] = hash;
                }
            }
        }
        StringBuilder signature = new StringBuilder(SLOTS * 16);
        for (long value : minimum) {
            signature.append(HexFormat.of().toHexDigits(value));
        }
        return signature.toString();
    }

    /** The share of slots in which two signatures agree: an estimate of their 4-gram overlap. */
    public static double similarity(String a, String b) {
        if (a == null || b == null || a.length() != b.length()) {
            return 0;
        }
        int same = 0;
        for (int slot = 0; slot < SLOTS; slot++) {
            if (a.regionMatches(slot * 16, b, slot * 16, 16)) {
                same++;
            }
        }
        return (double) same / SLOTS;
    }

    private static long mix(long z) { // SplitMix64's finaliser: cheap and well spread
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
