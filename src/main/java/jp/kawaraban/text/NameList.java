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
 * Names seen in training sentences and the kinds they were given: one more observation for
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
        return new NameList(kinds);
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
            int longest = -1;
            for (int end = start + 1; end <= Math.min(text.length(), start + LONGEST); end++) {
                String beginning = text.substring(start, end);
                if (!beginnings.contains(beginning)) {
                    break;
                }
                if (end >= start + 2 && kinds.containsKey(beginning)) {
                    longest = end;
                }
            }
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
            kinds.put(in.readUTF(), (int) in.readByte());
        }
        return new NameList(kinds);
    }
}
