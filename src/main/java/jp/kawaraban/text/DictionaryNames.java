package jp.kawaraban.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.apache.lucene.util.IntsRefBuilder;
import org.apache.lucene.util.fst.FST;
import org.apache.lucene.util.fst.FSTCompiler;
import org.apache.lucene.util.fst.PositiveIntOutputs;

/**
 * The names that IPADIC, the JUMAN dictionary, UniDic and ENAMDICT know, with their kind, as
 * one more observation for {@link CharacterFeatures} ("this character is inside a string that
 * UniDic calls a surname"). The dictionaries' table is made by the build
 * (src/build/names/NamesFromDictionaries.java, decision 0051); ENAMDICT's, the EDRDG's names
 * file, is committed (src/build/names/NamesFromEnamdict.java, decision 0058). Both are read into
 * one Lucene FST: about 330,000 surfaces, instead of two more dictionaries and their tokenizers
 * (decision 0047).
 *
 * <p>Each surface carries tags, a dictionary's letter and a kind: {@code i} IPADIC, {@code j}
 * JUMAN, {@code u} UniDic; {@code P} a person's name, {@code S} a surname, {@code G} a given
 * name, {@code O} an organisation, {@code L} a place, {@code C} a country, {@code N} another proper
 * noun, {@code F} a facility, {@code R} a product or work, {@code E} an event, {@code W} a common
 * noun in katakana or Latin letters (a loanword, not a name); and JUMAN's words that end a name:
 * {@code p} a person's title, {@code o} an organisation's, {@code l} a place's. ENAMDICT's tags
 * are {@code e} with the same kind letters: {@code eP} a person's full name, {@code eO} an
 * organisation or company, {@code eF} a station, {@code eR} a product or work (its places are
 * left out, decision 0058). The model learns how far to trust each; a match alone never makes
 * a name.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
final class DictionaryNames {

    /** Where the build puts the dictionaries' table on the class path. */
    static final String BUNDLED = "/text/names-dictionaries.tsv";

    /** ENAMDICT's table, committed with the sources (gzip). */
    static final String ENAMDICT = "/text/names-enamdict.tsv.gz";

    static final int LONGEST = 24;

    /** Every tag the table may carry; a surface's tags are a bit set over this list. */
    static final List<String> TAGS = List.of("iP", "iS", "iG", "iO", "iL", "iC", "iN", "jP", "jS", "jG", "jO", "jL",
            "jC", "jN", "jp", "jo", "jl", "uP", "uS", "uG", "uO", "uL", "uC", "uN", "jF", "jR", "jE", "uW", "eP", "eO",
            "eF", "eR");

    private static volatile DictionaryNames bundled;

    /** Surface (UTF-16 units as labels) to its bit set of tags; {@code null} when empty. */
    private final FST<Long> fst;
    private final int size;

    private DictionaryNames(FST<Long> fst, int size) {
        this.fst = fst;
        this.size = size;
    }

    static DictionaryNames empty() {
        return new DictionaryNames(null, 0);
    }

    /**
     * The tables in the jar, read once into one FST: a surface both list carries the tags of
     * both, and the longest listed surface from a character is the longest of either. Empty
     * where neither is on the class path.
     */
    static DictionaryNames bundled() {
        DictionaryNames result = bundled;
        if (result == null) {
            synchronized (DictionaryNames.class) {
                result = bundled;
                if (result == null) {
                    Map<String, Long> tags = new TreeMap<>();
                    try (InputStream dictionaries = DictionaryNames.class.getResourceAsStream(BUNDLED);
                            InputStream enamdict = DictionaryNames.class.getResourceAsStream(ENAMDICT)) {
                        if (dictionaries != null) {
                            readInto(dictionaries, tags);
                        }
                        if (enamdict != null) {
                            readInto(new GZIPInputStream(enamdict), tags);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    result = of(tags);
                    bundled = result;
                }
            }
        }
        return result;
    }

    /** A table in the build's format: {@code surface<TAB>tag tag…} a line, {@code #} for comments. */
    static DictionaryNames read(InputStream in) throws IOException {
        Map<String, Long> tags = new TreeMap<>();
        readInto(in, tags);
        return of(tags);
    }

    private static void readInto(InputStream in, Map<String, Long> tags) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            int tab = line.indexOf('\t');
            if (line.startsWith("#") || tab <= 0 || tab > LONGEST) {
                continue;
            }
            long bits = 0;
            for (String tag : line.substring(tab + 1).split(" ")) {
                int bit = TAGS.indexOf(tag);
                if (bit >= 0) {
                    bits |= 1L << bit;
                }
            }
            if (bits != 0) {
                tags.merge(line.substring(0, tab), bits, (a, b) -> a | b);
            }
        }
    }

    /** A table of the given surfaces and tag bits (bit k is {@code TAGS.get(k)}). */
    static DictionaryNames of(Map<String, Long> tags) {
        if (tags.isEmpty()) {
            return empty();
        }
        try {
            PositiveIntOutputs outputs = PositiveIntOutputs.getSingleton();
            FSTCompiler<Long> compiler = new FSTCompiler.Builder<>(FST.INPUT_TYPE.BYTE4, outputs).build();
            IntsRefBuilder input = new IntsRefBuilder();
            // the FST wants its inputs in order of their labels: UTF-16 order, which String's is
            for (Map.Entry<String, Long> entry : new TreeMap<>(tags).entrySet()) {
                String surface = entry.getKey();
                input.clear();
                for (int i = 0; i < surface.length(); i++) {
                    input.append(surface.charAt(i));
                }
                compiler.add(input.get(), entry.getValue());
            }
            return new DictionaryNames(FST.fromFSTReader(compiler.compile(), compiler.getFSTReader()), tags.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return size;
    }

    /** The table's size in memory, in bytes. */
    long ramBytesUsed() {
        return fst == null ? 0 : fst.ramBytesUsed();
    }

    /** The tags of {@code surface}, a bit set over {@link #TAGS}; 0 when it is not in the table. */
    long tags(String surface) {
        if (fst == null) {
            return 0;
        }
        try {
            FST.BytesReader reader = fst.getBytesReader();
            FST.Arc<Long> arc = fst.getFirstArc(new FST.Arc<>());
            long output = 0;
            for (int i = 0; i < surface.length(); i++) {
                if (fst.findTargetArc(surface.charAt(i), arc, arc, reader) == null) {
                    return 0;
                }
                output += arc.output();
            }
            return arc.isFinal() ? output + arc.nextFinalOutput() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For each UTF-16 unit of {@code chars} (already normalised by the caller), the longest
     * listed surface starting there: its end, or 0; and its tag bits in {@code bits}.
     */
    int[] longest(char[] chars, long[] bits) {
        int n = chars.length;
        int[] ends = new int[n];
        if (fst == null) {
            return ends;
        }
        try {
            FST.BytesReader reader = fst.getBytesReader();
            FST.Arc<Long> arc = new FST.Arc<>();
            for (int start = 0; start < n; start++) {
                fst.getFirstArc(arc);
                long output = 0;
                for (int end = start + 1; end <= Math.min(n, start + LONGEST); end++) {
                    if (fst.findTargetArc(chars[end - 1], arc, arc, reader) == null) {
                        break;
                    }
                    output += arc.output();
                    if (arc.isFinal()) {
                        ends[start] = end;
                        bits[start] = output + arc.nextFinalOutput();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ends;
    }

    /**
     * Every listed surface starting at {@code start} of {@code chars} (normalised by the caller)
     * and at most {@code longest} long: {@code bits[length]} gets its tag bits, 0 where the
     * string of that length is not listed. Whether anything was found.
     */
    boolean exact(char[] chars, int start, int longest, long[] bits) {
        java.util.Arrays.fill(bits, 0);
        if (fst == null) {
            return false;
        }
        boolean any = false;
        try {
            FST.BytesReader reader = fst.getBytesReader();
            FST.Arc<Long> arc = fst.getFirstArc(new FST.Arc<>());
            long output = 0;
            for (int end = start + 1; end <= Math.min(chars.length, start + Math.min(longest, LONGEST)); end++) {
                if (fst.findTargetArc(chars[end - 1], arc, arc, reader) == null) {
                    break;
                }
                output += arc.output();
                if (arc.isFinal()) {
                    bits[end - start] = output + arc.nextFinalOutput();
                    any = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return any;
    }

    /** The tags of a bit set, in the order of {@link #TAGS}. */
    static List<String> tagsOf(long bits) {
        List<String> tags = new ArrayList<>();
        for (int k = 0; k < TAGS.size(); k++) {
            if ((bits & 1L << k) != 0) {
                tags.add(TAGS.get(k));
            }
        }
        return tags;
    }
}
