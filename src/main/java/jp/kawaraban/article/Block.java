package jp.kawaraban.article;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One block of an article's body. Text is plain: it is escaped wherever it is shown. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Block.Paragraph.class, name = "paragraph"),
        @JsonSubTypes.Type(value = Block.Heading.class, name = "heading"),
        @JsonSubTypes.Type(value = Block.OrderedList.class, name = "orderedList"),
        @JsonSubTypes.Type(value = Block.UnorderedList.class, name = "unorderedList"),
        @JsonSubTypes.Type(value = Block.Quote.class, name = "quote"),
        @JsonSubTypes.Type(value = Block.Figure.class, name = "figure")})
public sealed interface Block {

    /** The words of this block as a reader would read them aloud; used for text length and feeds. */
    String plainText();

    /** A paragraph; its text may hold links ({@link InlineText}). */
    record Paragraph(String text) implements Block {
        public Paragraph {
            requireText(text, "paragraph");
        }

        @Override
        public String plainText() {
            return InlineText.plain(text);
        }
    }

    record Heading(String text) implements Block {
        public Heading {
            requireText(text, "heading");
        }

        @Override
        public String plainText() {
            return text;
        }
    }

    record OrderedList(List<String> items) implements Block {
        public OrderedList {
            items = requireItems(items);
        }

        @Override
        public String plainText() {
            return InlineText.plain(String.join("\n", items));
        }
    }

    record UnorderedList(List<String> items) implements Block {
        public UnorderedList {
            items = requireItems(items);
        }

        @Override
        public String plainText() {
            return InlineText.plain(String.join("\n", items));
        }
    }

    record Quote(String text) implements Block {
        public Quote {
            requireText(text, "quote");
        }

        @Override
        public String plainText() {
            return InlineText.plain(text);
        }
    }

    /**
     * A picture or chart with its caption and credit.
     *
     * @param imageId the stored image, served at {@code /images/{imageId}}
     */
    record Figure(String imageId, String caption, String credit) implements Block {
        public Figure {
            requireText(imageId, "figure image");
            caption = caption == null ? "" : caption.strip();
            credit = credit == null ? "" : credit.strip();
        }

        @Override
        public String plainText() {
            return caption;
        }
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A " + what + " needs text");
        }
    }

    private static List<String> requireItems(List<String> items) {
        if (items == null || items.isEmpty() || items.stream().anyMatch(item -> item == null || item.isBlank())) {
            throw new IllegalArgumentException("A list needs at least one item and no empty ones");
        }
        return List.copyOf(items);
    }
}
