package jp.kawaraban.article;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The light markup articles are written in (see {@code docs/article-format.md}): blank-line
 * separated blocks; {@code ## } subheadings, {@code 1. } and {@code - } lists, {@code > }
 * quotes, {@code ![caption](file "credit")} figures, everything else paragraphs.
 */
public final class ArticleMarkup {

    private static final Pattern FIGURE = Pattern.compile("!\\[(.*)]\\(\\s*(\\S+?)(?:\\s+\"(.*)\")?\\s*\\)");
    private static final Pattern ORDERED_ITEM = Pattern.compile("\\d+[.．]\\s+(.*)");

    private ArticleMarkup() {
    }

    /**
     * @param figureImage turns the file named in a figure into the stored image's id
     * @throws IllegalArgumentException with the line that could not be read
     */
    public static Body parse(String markup, Function<String, String> figureImage) {
        List<Block> blocks = new ArrayList<>();
        for (String chunk : markup.strip().split("\\R\\s*\\R")) {
            List<String> lines = chunk.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (!lines.isEmpty()) {
                blocks.add(block(lines, figureImage));
            }
        }
        return new Body(blocks);
    }

    private static Block block(List<String> lines, Function<String, String> figureImage) {
        String first = lines.getFirst();
        if (first.startsWith("## ")) {
            return new Block.Heading(String.join("", lines).substring(3).strip());
        }
        if (first.startsWith(">")) {
            return new Block.Quote(String.join("", lines.stream().map(l -> l.replaceFirst("^>\\s?", "")).toList()));
        }
        if (first.startsWith("- ")) {
            return new Block.UnorderedList(lines.stream().map(l -> l.replaceFirst("^-\\s+", "")).toList());
        }
        if (ORDERED_ITEM.matcher(first).matches()) {
            return new Block.OrderedList(lines.stream().map(l -> {
                Matcher item = ORDERED_ITEM.matcher(l);
                return item.matches() ? item.group(1) : l;
            }).toList());
        }
        Matcher figure = FIGURE.matcher(first);
        if (lines.size() == 1 && figure.matches()) {
            return new Block.Figure(figureImage.apply(figure.group(2)), figure.group(1), figure.group(3));
        }
        return new Block.Paragraph(String.join("", lines));
    }

    /**
     * Writes a body back in the markup {@link #parse} reads, so the desk can edit a stored
     * article: {@code parse(format(body), id -> id)} gives the same blocks back. Figures name
     * their stored image id.
     */
    public static String format(Body body) {
        StringBuilder markup = new StringBuilder();
        for (Block block : body.blocks()) {
            if (!markup.isEmpty()) {
                markup.append("\n\n");
            }
            switch (block) {
                case Block.Paragraph p -> markup.append(p.text());
                case Block.Heading h -> markup.append("## ").append(h.text());
                case Block.Quote q -> markup.append("> ").append(q.text());
                case Block.UnorderedList l -> markup.append(String.join("\n", l.items().stream().map(i -> "- " + i).toList()));
                case Block.OrderedList l -> {
                    for (int i = 0; i < l.items().size(); i++) {
                        markup.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(l.items().get(i));
                    }
                }
                case Block.Figure f -> markup.append("![").append(f.caption()).append("](")
                        .append(f.imageId()).append(f.credit().isEmpty() ? "" : " \"" + f.credit() + "\"").append(")");
            }
        }
        return markup.toString();
    }
}
