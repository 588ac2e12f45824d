package jp.kawaraban.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the entities of a controlled vocabulary in article text. Build it once from the
 * vocabulary and share it: it is immutable and thread-safe, and {@link #find} costs one
 * pass over the text plus, when a match needs it, one Kuromoji segmentation.
 *
 * <h2>How names are compared</h2>
 * Names and text are cut into the same <em>units</em>:
 * <ul>
 *   <li>a maximal run of katakana (long-vowel mark included, half-width too) is one unit,
 *       compared by its {@link KatakanaFolding#fold folded} form after NFKC, so spelling
 *       variants that fold alike match and a name never matches inside a longer katakana
 *       word (ロシア does not match in ベラロシア, トランプ not in トランプル);</li>
 *   <li>a maximal run of Latin letters and digits is one unit, compared after NFKC and
 *       lower-casing (NATO, ＮＡＴＯ and Nato match alike, NATO not inside NATOS);</li>
 *   <li>the joiners ・ ･ ＝ = between the parts of a foreign name are one unit, all alike
 *       (ドナルド・トランプ matches ドナルド＝トランプ);</li>
 *   <li>every other character (kanji, hiragana, punctuation) is a unit of its own,
 *       compared after NFKC.</li>
 * </ul>
 * Offsets are those of the units in the original text, so folding that changes the length
 * of a word never shifts a mention.
 *
 * <h2>Which matches count</h2>
 * <ul>
 *   <li>The text is read from left to right; at each unit the longest name that starts
 *       there wins (ドナルド・トランプ over トランプ, ロシア直接投資基金 over ロシア), and the
 *       search resumes after it, so mentions never overlap. Where two names overlap without
 *       one containing the other, the one that starts first wins.</li>
 *   <li>Where a match starts or ends between two kanji (or two hiragana), that point must
 *       also be a word boundary in Kuromoji's segmentation. So 米国 is not found in
 *       米国務長官 (segmented 米 / 国務 / 長官: the US secretary of state, not "米国" + "務"),
 *       露 not in 披露, 日本 not in 日本銀行 (one dictionary word); but 米国 is found in
 *       米国債 (米国 / 債 — US treasury bonds are about the US) and 国務省 in 米国務省.
 *       Between a kanji and a kana, or next to punctuation, no check is needed.</li>
 *   <li>When two entities share a name, the one whose canonical name it is wins over one
 *       that lists it as an alias; between equals, the smaller id wins.</li>
 * </ul>
 *
 * <h2>Limits</h2>
 * Single-character aliases (米, 露) are found wherever Kuromoji makes them a word of their
 * own, including 米 meaning rice in 米の価格; editors should add them with care. Names are
 * matched as written: no readings, no romanisation, no inflection.
 */
public final class MentionFinder {

    private static final byte HAN = 1;
    private static final byte HIRAGANA = 2;
    private static final byte KATAKANA = 3;
    private static final byte LATIN = 4;
    private static final byte JOINER = 5;
    private static final byte OTHER = 6;

    private static final String JOINER_KEY = "・";

    private final Node root = new Node();
    private final Map<String, Entity> entities;

    /**
     * Builds the finder. Names that produce no units (blank) are ignored.
     *
     * @throws IllegalArgumentException when two entities share an id
     */
    public MentionFinder(Collection<Entity> vocabulary) {
        Map<String, Entity> byId = new LinkedHashMap<>();
        for (Entity entity : vocabulary) {
            if (byId.putIfAbsent(entity.id(), entity) != null) {
                throw new IllegalArgumentException("duplicate entity id " + entity.id());
            }
            add(entity.canonicalName(), entity.id(), true);
            for (String alias : entity.aliases()) {
                add(alias, entity.id(), false);
            }
        }
        this.entities = Collections.unmodifiableMap(byId);
    }

    private void add(String name, String entityId, boolean canonical) {
        Units units = Units.of(name);
        int from = 0;
        int to = units.size();
        while (from < to && units.kinds[from] == JOINER) {
            from++;
        }
        while (to > from && units.kinds[to - 1] == JOINER) {
            to--;
        }
        if (from == to) {
            return;
        }
        Node node = root;
        for (int i = from; i < to; i++) {
            node = node.childOrCreate(units.keys[i]);
        }
        if (node.entityId == null
                || canonical && !node.canonical
                || canonical == node.canonical && entityId.compareTo(node.entityId) < 0) {
            node.entityId = entityId;
            node.canonical = canonical;
        }
    }

    /** The entity with this id, if the vocabulary has it. */
    public Optional<Entity> entity(String id) {
        return Optional.ofNullable(entities.get(id));
    }

    /** Number of entities in the vocabulary. */
    public int size() {
        return entities.size();
    }

    /**
     * The mentions in {@code text}, in text order, never overlapping. A name written without
     * the separators the text has between katakana (アルカイダ for アル＝カイダ, ワールドカップ
     * for ワールド・カップ) is found too, as the fold gives both one key; where the text as
     * written already matches, that match stands (トランプ in ドナルド・トランプ).
     */
    public List<Mention> find(String text) {
        if (text == null || text.isEmpty() || root.children == null) {
            return List.of();
        }
        List<Mention> asWritten = findAsWritten(text);
        java.util.regex.Matcher separators = KatakanaFolding.SEPARATORS_BETWEEN_KATAKANA.matcher(text);
        if (!separators.find()) {
            return asWritten;
        }
        // the text without them, and for each of its characters the offset it had
        separators.reset();
        StringBuilder joined = new StringBuilder(text.length());
        int[] origin = new int[text.length() + 1];
        int from = 0;
        while (separators.find()) {
            for (int i = from; i < separators.start(); i++) {
                origin[joined.length()] = i;
                joined.append(text.charAt(i));
            }
            from = separators.end();
        }
        for (int i = from; i < text.length(); i++) {
            origin[joined.length()] = i;
            joined.append(text.charAt(i));
        }
        List<Mention> all = new ArrayList<>(asWritten);
        for (Mention mention : findAsWritten(joined.toString())) {
            int start = origin[mention.start()];
            int end = origin[mention.end() - 1] + 1;
            boolean overlaps = asWritten.stream().anyMatch(m -> m.start() < end && start < m.end());
            if (!overlaps) {
                all.add(new Mention(mention.entityId(), start, end, text.substring(start, end)));
            }
        }
        all.sort(java.util.Comparator.comparingInt(Mention::start));
        return List.copyOf(all);
    }

    private List<Mention> findAsWritten(String text) {
        Units units = Units.of(text);
        BitSet[] wordBoundaries = new BitSet[1];
        List<Mention> mentions = new ArrayList<>();
        int[] ends = new int[16];
        Node[] nodes = new Node[16];
        int i = 0;
        while (i < units.size()) {
            int found = 0;
            Node node = root;
            for (int j = i; j < units.size(); j++) {
                node = node.child(units.keys[j]);
                if (node == null) {
                    break;
                }
                if (node.entityId != null) {
                    if (found == ends.length) {
                        ends = Arrays.copyOf(ends, found * 2);
                        nodes = Arrays.copyOf(nodes, found * 2);
                    }
                    ends[found] = j + 1;
                    nodes[found] = node;
                    found++;
                }
            }
            int next = i + 1;
            for (int k = found - 1; k >= 0; k--) {
                int end = ends[k];
                if (acceptable(units, i, end, text, wordBoundaries)) {
                    int startOffset = units.starts[i];
                    int endOffset = units.ends[end - 1];
                    mentions.add(new Mention(nodes[k].entityId, startOffset, endOffset,
                            text.substring(startOffset, endOffset)));
                    next = end;
                    break;
                }
            }
            i = next;
        }
        return List.copyOf(mentions);
    }

    /**
     * How often each entity is mentioned in {@code text}: entity id to count, in the order
     * of first mention.
     */
    public Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Mention mention : find(text)) {
            counts.merge(mention.entityId(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    private static boolean acceptable(Units units, int from, int to, String text, BitSet[] boundaries) {
        return boundaryOk(units, from, text, boundaries) && boundaryOk(units, to, text, boundaries);
    }

    /** Whether a mention may start or end just before unit {@code index}. */
    private static boolean boundaryOk(Units units, int index, String text, BitSet[] boundaries) {
        if (index == 0 || index == units.size()) {
            return true;
        }
        byte before = units.kinds[index - 1];
        byte after = units.kinds[index];
        if (before != after || before != HAN && before != HIRAGANA) {
            return true;
        }
        if (boundaries[0] == null) {
            BitSet set = new BitSet(text.length() + 1);
            for (KuromojiTokens.Token token : KuromojiTokens.tokenize(text)) {
                set.set(token.start());
                set.set(token.end());
            }
            boundaries[0] = set;
        }
        return boundaries[0].get(units.starts[index]);
    }

    /** A node of the trie over unit keys. Never changed once the constructor has returned. */
    private static final class Node {
        private Map<String, Node> children;
        private String entityId;
        private boolean canonical;

        Node child(String key) {
            return children == null ? null : children.get(key);
        }

        Node childOrCreate(String key) {
            if (children == null) {
                children = new HashMap<>(4);
            }
            return children.computeIfAbsent(key, k -> new Node());
        }
    }

    /** A text cut into units, with their comparison keys and original offsets. */
    private static final class Units {
        final String[] keys;
        final int[] starts;
        final int[] ends;
        final byte[] kinds;
        private final int size;

        private Units(String[] keys, int[] starts, int[] ends, byte[] kinds, int size) {
            this.keys = keys;
            this.starts = starts;
            this.ends = ends;
            this.kinds = kinds;
            this.size = size;
        }

        int size() {
            return size;
        }

        static Units of(String text) {
            int capacity = text.length();
            String[] keys = new String[capacity];
            int[] starts = new int[capacity];
            int[] ends = new int[capacity];
            byte[] kinds = new byte[capacity];
            int n = 0;
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                byte kind = kindOf(cp);
                int j = i + Character.charCount(cp);
                if (kind == KATAKANA || kind == LATIN) {
                    while (j < text.length()) {
                        int next = text.codePointAt(j);
                        if (kindOf(next) != kind) {
                            break;
                        }
                        j += Character.charCount(next);
                    }
                }
                String raw = text.substring(i, j);
                String key = switch (kind) {
                    case KATAKANA -> KatakanaFolding.fold(Normalizer.normalize(raw, Normalizer.Form.NFKC));
                    case LATIN -> Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
                    case JOINER -> JOINER_KEY;
                    default -> Normalizer.normalize(raw, Normalizer.Form.NFKC);
                };
                keys[n] = key;
                starts[n] = i;
                ends[n] = j;
                kinds[n] = kind;
                n++;
                i = j;
            }
            return new Units(keys, starts, ends, kinds, n);
        }

        private static byte kindOf(int cp) {
            if (KuromojiTokens.isKatakana(cp)) {
                return KATAKANA;
            }
            if (KuromojiTokens.isNameJoiner(cp)) {
                return JOINER;
            }
            if (cp < 0x80 ? Character.isLetterOrDigit(cp)
                    : cp >= 0xFF10 && cp <= 0xFF19 || cp >= 0xFF21 && cp <= 0xFF3A
                            || cp >= 0xFF41 && cp <= 0xFF5A) {
                return LATIN;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN) {
                return HAN;
            }
            if (script == Character.UnicodeScript.HIRAGANA) {
                return HIRAGANA;
            }
            return OTHER;
        }
    }
}
