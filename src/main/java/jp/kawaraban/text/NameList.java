package jp.kawaraban.text;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names seen in training sentences, the kinds they were given and how often their text is
 * annotated where it occurs (seldom, mostly, nearly always): one more observation for
 * {@link CharacterFeatures} ("this character is inside a string once marked as a place").
 * The model learns how far to trust it; a list entry alone never makes a name.
 */
final class NameList {

    static final int LONGEST = 24;

    /** Surface to a bit set of {@link NameKind} ordinals. */
    private final Map<String, Integer> kinds;
    /** Every beginning of a listed name, so a search from one character stops at the first miss. */
    private final java.util.Set<String> beginnings = new java.util.HashSet<>();

    NameList(Map<String, Integer> kinds) {
        this.kinds = kinds;
        for (String name : kinds.keySet()) {
            for (int end = 1; end <= name.length(); end++) {
                beginnings.add(name.substring(0, end));
            }
        }
    }

    static NameList empty() {
        return new NameList(Map.of());
    }

    /** The names of the examples, two characters or longer. */
    static NameList of(List<EntityRecognizer.Example> examples) {
        Map<String, Integer> kinds = new HashMap<>();
        for (EntityRecognizer.Example example : examples) {
            for (RecognizedName name : example.names()) {
                if (name.surface().length() >= 2 && name.surface().length() <= LONGEST) {
                    kinds.merge(name.surface(), 1 << name.kind().ordinal(), (a, b) -> a | b);
                }
            }
        }
        // how often each listed name is annotated where its text occurs in the sentences: 日本 nearly
        // always, a word that is also a common noun seldom (bits 6 and 7, decision 0051)
        NameList plain = new NameList(kinds);
        Map<String, int[]> seen = new HashMap<>();
        for (EntityRecognizer.Example example : examples) {
            java.util.Set<Long> annotated = new java.util.HashSet<>();
            for (RecognizedName name : example.names()) {
                annotated.add((long) name.start() << 32 | name.end());
            }
            String text = example.text();
            for (int start = 0; start < text.length(); start++) {
                int end = plain.longestAt(text, start);
                if (end > 0) {
                    int[] count = seen.computeIfAbsent(text.substring(start, end), k -> new int[2]);
                    count[0]++;
                    if (annotated.contains((long) start << 32 | end)) {
                        count[1]++;
                    }
                }
            }
        }
        seen.forEach((name, count) -> {
            double ratio = count[1] / (double) count[0];
            int bucket = ratio >= 0.9 ? 3 : ratio >= 0.5 ? 2 : 1;
            kinds.computeIfPresent(name, (k, bits) -> bits | bucket << RATIO_SHIFT);
        });
        return new NameList(kinds);
    }

    /** Bits of a name's entry above its kinds: how often it is annotated where it occurs (1 seldom, 2 mostly, 3 nearly always). */
    private static final int RATIO_SHIFT = 6;

    /** The end of the longest listed name starting at {@code start}, or 0. */
    private int longestAt(String text, int start) {
        int longest = 0;
        for (int end = start + 1; end <= Math.min(text.length(), start + LONGEST); end++) {
            String beginning = text.substring(start, end);
            if (!beginnings.contains(beginning)) {
                break;
            }
            if (end >= start + 2 && kinds.containsKey(beginning)) {
                longest = end;
            }
        }
        return longest;
    }

    /**
     * Every listed name starting at {@code start} and at most {@code longest} long:
     * {@code bits[length]} gets its entry (kinds and how often it is annotated), 0 where the
     * string of that length is not listed. Whether anything was found.
     */
    boolean exact(String text, int start, int longest, int[] bits) {
        java.util.Arrays.fill(bits, 0);
        boolean any = false;
        for (int end = start + 1; end <= Math.min(text.length(), start + Math.min(longest, LONGEST)); end++) {
            String beginning = text.substring(start, end);
            if (!beginnings.contains(beginning)) {
                break;
            }
            Integer entry = kinds.get(beginning);
            if (entry != null) {
                bits[end - start] = entry;
                any = true;
            }
        }
        return any;
    }

    /** For each character, the observations "inside a listed name of kind K, at B/I/E/S". */
    List<List<String>> matches(String text) {
        List<List<String>> found = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            found.add(new ArrayList<>(2));
        }
        if (kinds.isEmpty()) {
            return found;
        }
        for (int start = 0; start < text.length(); start++) {
            int longest = longestAt(text, start);
            if (longest > 0) {
                int end = longest;
                int bits = kinds.get(text.substring(start, end));
                for (NameKind kind : NameKind.values()) {
                    if ((bits & 1 << kind.ordinal()) == 0) {
                        continue;
                    }
                    for (int i = start; i < end; i++) {
                        String place = i == start ? "B" : i == end - 1 ? "E" : "I";
                        found.get(i).add("g=" + place + kind.ordinal());
                    }
                }
                int ratio = bits >>> RATIO_SHIFT & 3;
                if (ratio != 0) {
                    for (int i = start; i < end; i++) {
                        String place = i == start ? "B" : i == end - 1 ? "E" : "I";
                        found.get(i).add("g=" + place + "r" + ratio);
                    }
                }
            }
        }
        return found;
    }

    int size() {
        return kinds.size();
    }

    void write(DataOutputStream out) throws IOException {
        Map<String, Integer> sorted = new TreeMap<>(kinds);
        out.writeInt(sorted.size());
        for (Map.Entry<String, Integer> entry : sorted.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeByte(entry.getValue());
        }
    }

    static NameList read(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, Integer> kinds = new HashMap<>(size * 2);
        for (int k = 0; k < size; k++) {
            kinds.put(in.readUTF(), in.readByte() & 0xFF);
        }
        return new NameList(kinds);
    }
}
