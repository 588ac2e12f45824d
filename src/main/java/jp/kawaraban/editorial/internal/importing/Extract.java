package jp.kawaraban.editorial.internal.importing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What one reader of a page (HTML or text) found, before the shared steps turn it into a
 * draft: the body as pieces still to be sorted (a dateline or a prompt may be among them) and
 * whatever the page said about the article. Fields stay {@code null} where the page said nothing.
 */
final class Extract {

    enum Kind { PARAGRAPH, HEADING, LIST, NUMBERED_LIST }

    /** A stretch of the body in reading order; {@code items} only for lists. */
    record Piece(Kind kind, String text, List<String> items) {

        static Piece paragraph(String text) {
            return new Piece(Kind.PARAGRAPH, text, List.of());
        }

        static Piece heading(String text) {
            return new Piece(Kind.HEADING, text, List.of());
        }

        static Piece list(List<String> items) {
            return new Piece(Kind.LIST, String.join("\n", items), List.copyOf(items));
        }

        static Piece numberedList(List<String> items) {
            return new Piece(Kind.NUMBERED_LIST, String.join("\n", items), List.copyOf(items));
        }
    }

    String headline;
    String subheadline;
    /** A lead the page sets apart from the body (a summary paragraph), not the first paragraph. */
    String lead;
    String description;
    final List<String> bylines = new ArrayList<>();
    /** A credit to use only when the page has no byline of its own (the {@code author} meta tag, often a desk's name). */
    String fallbackByline;
    OffsetDateTime publishedAt;
    OffsetDateTime updatedAt;
    /** Section names or codes from the page, most trusted first. */
    final List<String> sectionHints = new ArrayList<>();
    String outlet;
    String url;
    boolean paywalled;
    int imagesLeftOut;
    boolean foundByDensity;
    /** A livedoor file's date line that is no date, as it was written. */
    String unreadableDateLine;
    final List<Piece> pieces = new ArrayList<>();

    /** Dates found in visible text: the first labelled or unlabelled one publishes, an 「更新」 one updates. */
    void takeDates(List<PageDates.Found> found) {
        for (PageDates.Found date : found) {
            if (date.update()) {
                if (updatedAt == null) {
                    updatedAt = date.at();
                }
            } else if (publishedAt == null) {
                publishedAt = date.at();
            }
        }
    }
}
