package jp.kawaraban.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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
        assertThat(names.size()).isBetween(150_000, 400_000);
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
}
