package jp.kawaraban.article;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An article's body: an ordered list of blocks. */
public record Body(List<Block> blocks) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Body {
        if (blocks == null || blocks.isEmpty()) {
            throw new IllegalArgumentException("An article body needs at least one block");
        }
        blocks = List.copyOf(blocks);
    }

    @JsonValue
    @Override
    public List<Block> blocks() {
        return blocks;
    }

    /** The body as running text, blocks separated by blank lines. */
    public String plainText() {
        return plainText(blocks);
    }

    /**
     * Some blocks as running text, the way {@link #plainText()} joins a whole body: for parts
     * of one (the {@link #opening}, the body without its figures). No blocks make no text.
     */
    public static String plainText(List<Block> blocks) {
        StringBuilder text = new StringBuilder();
        for (Block block : blocks) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(block.plainText());
        }
        return text.toString();
    }

    /** Number of characters a reader reads, the Japanese newsroom's measure of length. */
    public int characterCount() {
        return blocks.stream().mapToInt(block -> block.plainText().codePointCount(0, block.plainText().length())).sum();
    }

    /**
     * The leading blocks, up to and including the one that reaches {@code characters}; a
     * paywall shows this part. Figures are not counted and not included.
     */
    public List<Block> opening(int characters) {
        List<Block> opening = new ArrayList<>();
        int seen = 0;
        for (Block block : blocks) {
            if (block instanceof Block.Figure) {
                continue;
            }
            opening.add(block);
            seen += block.plainText().length();
            if (seen >= characters) {
                break;
            }
        }
        return opening;
    }

    public List<Block.Figure> figures() {
        return blocks.stream().filter(Block.Figure.class::isInstance).map(Block.Figure.class::cast).toList();
    }
}
