package jp.kawaraban.editorial.internal.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits running text into paragraphs. A blank line (two line breaks) always ends one; a
 * single break ends one only where a sentence ends or the next line is indented with a
 * full-width space, the way Japanese text marks a new paragraph. Other single breaks are
 * line wrapping, joined without a space as Japanese is written.
 */
final class Paragraphs {

    private Paragraphs() {
    }

    static List<String> split(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String chunk : text.split("\\n[ \\t\\u00A0]*\\n")) {
            StringBuilder paragraph = new StringBuilder();
            for (String raw : chunk.split("\\n")) {
                String line = collapse(raw);
                if (line.isEmpty()) {
                    continue;
                }
                boolean indented = raw.matches("^[ \\t\\u00A0]*\u3000.*");
                if (!paragraph.isEmpty() && (indented || endsSentence(paragraph))) {
                    paragraphs.add(paragraph.toString());
                    paragraph.setLength(0);
                }
                if (!paragraph.isEmpty() && isLatin(paragraph.charAt(paragraph.length() - 1)) && isLatin(line.charAt(0))) {
                    paragraph.append(' ');
                }
                paragraph.append(line);
            }
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph.toString());
            }
        }
        return paragraphs;
    }

    /** Spaces collapsed, the leading full-width indent dropped. */
    static String collapse(String line) {
        return line.replace('\u00A0', ' ').replaceAll("[ \\t]+", " ").strip().replaceFirst("^\u3000+", "").strip();
    }

    private static boolean endsSentence(CharSequence text) {
        char last = text.charAt(text.length() - 1);
        return "。」』）)！？!?".indexOf(last) >= 0;
    }

    private static boolean isLatin(char c) {
        return c < 0x3000 && Character.isLetterOrDigit(c);
    }
}
