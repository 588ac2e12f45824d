package jp.kawaraban.commentary;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Commentary is plain text: paragraphs, line breaks and bare links, nothing else. */
class CommentaryTextTest {

    @Test
    void blankLinesSeparateParagraphsAndSingleLineBreaksAreKept() {
        var paragraphs = CommentaryText.paragraphs("一段落目です。\r\n続きの行。\n\n\n  二段落目。\n");
        assertThat(paragraphs).hasSize(2);
        assertThat(paragraphs.get(0)).containsExactly(TextPart.text("一段落目です。"), TextPart.BREAK, TextPart.text("続きの行。"));
        assertThat(paragraphs.get(1)).containsExactly(TextPart.text("二段落目。"));
    }

    @Test
    void bareAddressesBecomeLinksAndJapaneseOrPunctuationEndsThem() {
        var parts = CommentaryText.paragraphs("詳しくはhttps://example.jp/report?id=1&x=2を参照。また http://example.org/a_(b). も。").getFirst();
        assertThat(parts).containsExactly(
                TextPart.text("詳しくは"), TextPart.link("https://example.jp/report?id=1&x=2"),
                TextPart.text("を参照。また "), TextPart.link("http://example.org/a_(b)"), TextPart.text(". も。"));
    }

    @Test
    void quotesAndAngleBracketsNeverBecomePartOfALink() {
        var parts = CommentaryText.paragraphs("https://example.jp/\"onmouseover=\"alert(1)\" <script>x</script> javascript:alert(1)").getFirst();
        assertThat(parts.getFirst()).isEqualTo(TextPart.link("https://example.jp/"));
        assertThat(parts.stream().filter(TextPart::isLink).map(TextPart::href).toList()).containsExactly("https://example.jp/");
        assertThat(String.join("", parts.stream().map(TextPart::text).toList()))
                .isEqualTo("https://example.jp/\"onmouseover=\"alert(1)\" <script>x</script> javascript:alert(1)");
    }

    @Test
    void aSchemeAloneStaysText() {
        assertThat(CommentaryText.paragraphs("http:// だけ").getFirst()).containsExactly(TextPart.text("http:// だけ"));
    }

    @Test
    void lengthCountsCharactersAsReadersDoAndControlCharactersGo() {
        assertThat(CommentaryText.length("𠮷野家")).isEqualTo(3);
        assertThat(CommentaryText.normalise("  a\u0000b\u0007\tc \n")).isEqualTo("ab\tc");
        assertThat(CommentaryText.paragraphs(" \n\n ")).isEqualTo(List.of());
    }
}
