package jp.kawaraban.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The build's table of the dictionaries' names (decision 0051), and how it is searched. */
class DictionaryNamesTest {

    private static DictionaryNames table(String tsv) throws IOException {
        return DictionaryNames.read(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theLongestListedSurfaceFromEachCharacterWithItsTags() throws IOException {
        DictionaryNames names = table("""
                # a comment
                北川\tiS uS
                北川町\tiL
                町\tjl
                川\tunknown-tag
                """);
        assertThat(names.size()).isEqualTo(3); // 川 has no tag we know
        char[] text = "北川町長".toCharArray();
        long[] bits = new long[text.length];
        int[] ends = names.longest(text, bits);
        assertThat(ends).containsExactly(3, 0, 3, 0);
        assertThat(DictionaryNames.tagsOf(bits[0])).containsExactly("iL");
        assertThat(DictionaryNames.tagsOf(bits[2])).containsExactly("jl");
        assertThat(DictionaryNames.tagsOf(names.tags("北川"))).containsExactly("iS", "uS");
        assertThat(names.tags("北")).isZero();
        assertThat(names.tags("北川町長")).isZero();
    }

    /** What a span is weighed by (decision 0054): every listed surface from a character, by its length. */
    @Test
    void everyListedSurfaceFromACharacter() throws IOException {
        DictionaryNames names = table("""
                北川\tiS uS
                北川町\tiL
                """);
        long[] bits = new long[5];
        assertThat(names.exact("北川町長".toCharArray(), 0, 4, bits)).isTrue();
        assertThat(DictionaryNames.tagsOf(bits[2])).containsExactly("iS", "uS");
        assertThat(DictionaryNames.tagsOf(bits[3])).containsExactly("iL");
        assertThat(bits[1]).isZero();
        assertThat(bits[4]).isZero();
        assertThat(names.exact("北川町長".toCharArray(), 0, 2, bits)).isTrue();
        assertThat(bits[3]).isZero(); // longer than asked
        assertThat(names.exact("北川町長".toCharArray(), 1, 3, bits)).isFalse();
    }

    @Test
    void anEmptyTableFindsNothing() {
        DictionaryNames names = DictionaryNames.empty();
        assertThat(names.longest("日本".toCharArray(), new long[2])).containsExactly(0, 0);
        assertThat(names.tags("日本")).isZero();
    }

    @Test
    void theBuildsTableKnowsNamesAndTheirKindsAndOrdinaryLoanwordsAsWords() {
        DictionaryNames names = DictionaryNames.bundled();
        Assumptions.assumeTrue(names.size() > 0, "the table is made by the build (process-resources)");
        assertThat(names.size()).isBetween(300_000, 450_000); // with ENAMDICT's (decision 0058)
        assertThat(DictionaryNames.tagsOf(names.tags("日本"))).contains("iC", "uC");
        assertThat(DictionaryNames.tagsOf(names.tags("NHK"))).contains("iO", "jO"); // full width in IPADIC, read as ASCII
        assertThat(DictionaryNames.tagsOf(names.tags("IBM"))).contains("iO");
        assertThat(DictionaryNames.tagsOf(names.tags("鈴木"))).contains("iS", "uS");
        assertThat(DictionaryNames.tagsOf(names.tags("花子"))).contains("uG");
        assertThat(DictionaryNames.tagsOf(names.tags("社"))).contains("jo"); // ends an organisation's name
        // ordinary loanwords are listed as UniDic's common words, which tells the model they are no names
        assertThat(DictionaryNames.tagsOf(names.tags("プレイ"))).containsExactly("uW");
        assertThat(DictionaryNames.tagsOf(names.tags("リメイク"))).contains("uW")
                .noneMatch(tag -> "PSGOLC".indexOf(tag.charAt(1)) >= 0); // JUMAN has it as a work's title too
        assertThat(DictionaryNames.tagsOf(names.tags("ゲーム"))).containsExactly("uW");
        assertThat(DictionaryNames.tagsOf(names.tags("サンフランシスコ"))).doesNotContain("uW").contains("iL");
        // a few megabytes, not the 220 MB of the two dictionaries (decision 0047)
        assertThat(names.ramBytesUsed()).isLessThan(16L << 20);
    }

    /**
     * ENAMDICT's committed table (decision 0058): each kind it keeps under its own tag, read into
     * the same gazetteer as the dictionaries' names, with where it came from and its licence in
     * its header and the licence statement beside it.
     */
    @Test
    void enamdictsNamesAreReadBesideTheDictionaries() throws IOException {
        byte[] table;
        try (InputStream in = new GZIPInputStream(DictionaryNames.class.getResourceAsStream(DictionaryNames.ENAMDICT))) {
            table = in.readAllBytes();
        }
        String header = new String(table, 0, 2000, StandardCharsets.UTF_8);
        assertThat(header).startsWith("# names from ENAMDICT").contains("enamdict_2021.02.03-1_all.deb (sha256 ",
                "Creative Commons Attribution-ShareAlike 3.0", "https://www.edrdg.org/", "regenerate:");
        assertThat(DictionaryNames.class.getResource("/text/names-enamdict-licence.txt")).isNotNull();

        DictionaryNames enamdict = DictionaryNames.read(new ByteArrayInputStream(table));
        assertThat(enamdict.size()).isBetween(60_000, 80_000);
        assertThat(DictionaryNames.tagsOf(enamdict.tags("宮崎駿"))).containsExactly("eP"); // a person's full name
        assertThat(DictionaryNames.tagsOf(enamdict.tags("AKB48"))).containsExactly("eO"); // full width in ENAMDICT
        assertThat(DictionaryNames.tagsOf(enamdict.tags("新宿駅"))).containsExactly("eF");
        assertThat(DictionaryNames.tagsOf(enamdict.tags("源氏物語"))).containsExactly("eR");
        assertThat(enamdict.tags("京都")).isZero(); // places are left out
        assertThat(enamdict.tags("鈴木")).isZero(); // and surnames alone

        DictionaryNames both = DictionaryNames.bundled();
        assertThat(DictionaryNames.tagsOf(both.tags("宮崎駿"))).contains("eP");
        assertThat(both.size()).isGreaterThanOrEqualTo(enamdict.size());
        Assumptions.assumeTrue(both.size() > enamdict.size(), "the dictionaries' table is made by the build (process-resources)");
        assertThat(DictionaryNames.tagsOf(both.tags("トヨタ自動車"))).contains("iO", "jO", "eO");
    }
}
