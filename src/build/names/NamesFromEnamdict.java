import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * Maintainer's step (decision 0058), not run by the build: the names of ENAMDICT, the EDRDG's
 * Japanese names file, as a small committed table the entity model's gazetteer reads beside the
 * dictionaries' one ({@code jp.kawaraban.text.DictionaryNames}). The build reads only the
 * committed table, so a fresh clone builds without the Debian package or any network.
 *
 * <pre>apt-get download enamdict &amp;&amp; dpkg-deb -x enamdict_*_all.deb /tmp/enam
 * java src/build/names/NamesFromEnamdict.java /tmp/enam/usr/share/edict/enamdict \
 *     src/main/resources/text/names-enamdict.tsv.gz enamdict_*_all.deb</pre>
 *
 * The third argument, the package file, is only hashed for the table's header, so that whoever
 * regenerates the table can tell whether their source is the same.
 *
 * <p>ENAMDICT lines read {@code 宮崎駿 [みやざきはやお] /(h) Miyazaki Hayao/} in EUC-JP; the
 * codes in brackets say what the name is. Kept (chosen by measurement on the entity folds,
 * decision 0058) are a person's full name ({@code h} → {@code eP}), an organisation or company
 * ({@code o}, {@code c} → {@code eO}), a station ({@code st} → {@code eF}), a product or work
 * ({@code pr}, {@code wk} → {@code eR}). Left out: places ({@code p}, 214,000 surfaces, mostly
 * districts and villages; with them the folds did worse), surnames and given names alone
 * ({@code s}, {@code g}, {@code f}, {@code m}: name parts IPADIC, JUMAN and UniDic already list)
 * and unclassified entries ({@code u}, also measured worse). As in NamesFromDictionaries,
 * all-hiragana spellings are left out (a reading, not how a news text writes the name) and
 * full-width Latin letters and digits become ASCII.
 *
 * <p>Output: gzip of {@code #} header lines (source, sha-256, licence, how to regenerate), then
 * one line per surface, sorted, {@code surface<TAB>tag tag…}; the same input gives the same bytes.
 */
public final class NamesFromEnamdict {

    /** ENAMDICT's codes kept, and the table's tag for each. */
    private static final Map<String, String> TAGS = Map.of("h", "eP", "o", "eO", "c", "eO", "st", "eF", "pr", "eR",
            "wk", "eR");

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        if (args.length < 2) {
            System.err.println("usage: java NamesFromEnamdict.java ENAMDICT OUT.tsv.gz [enamdict_VERSION_all.deb]");
            System.exit(64);
        }
        Path source = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path deb = args.length > 2 ? Path.of(args[2]) : null;
        Map<String, TreeSet<String>> tags = new TreeMap<>();
        String created = "";
        int lines = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(source),
                Charset.forName("EUC-JP")))) {
            for (String line; (line = reader.readLine()) != null; lines++) {
                if (lines == 0) {
                    // the file's first line is its own header: "　？？？ /ENAMDICT - …/Created: 2021-02-03/"
                    int at = line.indexOf("Created: ");
                    created = at < 0 ? "" : line.substring(at + "Created: ".length()).replace("/", "").strip();
                    continue;
                }
                read(line, tags);
            }
        }
        byte[] table = write(tags, header(source, deb, created));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, table);
        System.out.printf("%d lines read, %d surfaces written to %s (%d bytes)%n", lines, tags.size(), out, table.length);
    }

    /** One ENAMDICT line: its headword (the kanji form, else the kana one) with the tags of its codes. */
    static void read(String line, Map<String, TreeSet<String>> tags) {
        int slash = line.indexOf(" /");
        if (slash <= 0) {
            return;
        }
        String head = line.substring(0, slash).strip();
        int bracket = head.indexOf(" [");
        String surface = ascii(bracket < 0 ? head : head.substring(0, bracket));
        if (!wanted(surface)) {
            return;
        }
        Set<String> found = new LinkedHashSet<>();
        String senses = line.substring(slash + 1);
        for (int open = senses.indexOf("/("); open >= 0; open = senses.indexOf("/(", open + 1)) {
            int close = senses.indexOf(')', open);
            if (close < 0) {
                break;
            }
            for (String code : senses.substring(open + 2, close).split(",")) {
                String tag = TAGS.get(code.strip());
                if (tag != null) {
                    found.add(tag);
                }
            }
        }
        if (!found.isEmpty()) {
            tags.computeIfAbsent(surface, s -> new TreeSet<>()).addAll(found);
        }
    }

    private static String header(Path source, Path deb, String created) throws IOException, NoSuchAlgorithmException {
        StringBuilder h = new StringBuilder();
        h.append("# names from ENAMDICT (JMnedict's names file) of the Electronic Dictionary Research and Development Group\n");
        h.append("# source: Debian package enamdict");
        if (deb != null) {
            String name = deb.getFileName().toString();
            h.append(' ').append(name).append(" (sha256 ").append(sha256(deb)).append(')');
        }
        h.append(", file /usr/share/edict/enamdict (sha256 ").append(sha256(source)).append(")");
        h.append(created.isEmpty() ? "" : ", created " + created).append('\n');
        h.append("# licence: EDRDG General Dictionary Licence, Creative Commons Attribution-ShareAlike 3.0;\n");
        h.append("#   this table is data derived from ENAMDICT and is under the same licence.\n");
        h.append("#   https://www.edrdg.org/ https://www.edrdg.org/enamdict/enamdict_doc.html\n");
        h.append("#   https://www.edrdg.org/edrdg/licence.html https://creativecommons.org/licenses/by-sa/3.0/\n");
        h.append("#   The licence statement is in text/names-enamdict-licence.txt beside this table; see NOTICE.\n");
        h.append("# kept: h → eP, o and c → eO, st → eF, pr and wk → eR; not p, s, g, f, m, u (decision 0058)\n");
        h.append("# regenerate: apt-get download enamdict; dpkg-deb -x enamdict_*_all.deb /tmp/enam;\n");
        h.append("#   java src/build/names/NamesFromEnamdict.java /tmp/enam/usr/share/edict/enamdict OUT.tsv.gz enamdict_*_all.deb\n");
        return h.toString();
    }

    private static byte[] write(Map<String, TreeSet<String>> tags, String header) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        // no file name or time in the gzip header, so the same input gives the same bytes
        try (OutputStream gzip = new GZIPOutputStream(bytes) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }; Writer writer = new java.io.OutputStreamWriter(gzip, StandardCharsets.UTF_8)) {
            writer.write(header);
            for (Map.Entry<String, TreeSet<String>> entry : tags.entrySet()) {
                writer.write(entry.getKey());
                writer.write('\t');
                writer.write(String.join(" ", entry.getValue()));
                writer.write('\n');
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Not a hiragana spelling, nor a symbol, nor longer than the gazetteer looks (24). */
    private static boolean wanted(String surface) {
        return !surface.isEmpty() && surface.length() <= 24 && surface.chars().anyMatch(Character::isLetterOrDigit)
                && !surface.chars().allMatch(c -> c >= 'ぁ' && c <= 'ゟ');
    }

    /** Full-width ASCII as ASCII, the width the model reads. */
    private static String ascii(String s) {
        return s.chars().map(c -> c >= '！' && c <= '～' ? c - 0xFEE0 : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
