package jp.kawaraban.site;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gg.jte.Content;

/**
 * What one or more modules add to an article page, by place: a {@link Slot} of the page, or
 * under one figure of the body (by its image id).
 */
public final class ArticlePageParts {

    /** The places on the article page where other modules' parts go, in page order. */
    public enum Slot {
        /**
         * Beside the top share bar, before the lead: one or two compact controls about this
         * article (save). Anything here pushes the text down on a phone: keep it to one line.
         */
        CONTROLS,
        /**
         * Inside the paywall box, for a reader held at the preview: another way to read this
         * article (the newsletter's email unlock). Shown only with the box.
         */
        PAYWALL,
        /**
         * Right after the text (and the paywall box): the article's topics, as links to their
         * pages with their controls (follow). When a module fills it, it replaces the site's
         * plain keyword list.
         */
        TOPICS,
        /** After the text and the bottom share bar: experts' commentary. */
        COMMENTARY,
        /** After the keywords: articles to read next. */
        RECOMMENDATIONS,
        /** At the end of the article: offers such as the newsletter sign-up. */
        OFFERS
    }

    public static final ArticlePageParts NONE = new ArticlePageParts();

    private final Map<Slot, List<Content>> slots = new EnumMap<>(Slot.class);
    private final Map<String, List<Content>> figures = new LinkedHashMap<>();

    public static ArticlePageParts of(Slot slot, Content content) {
        return new ArticlePageParts().add(slot, content);
    }

    /** Adds {@code content} to a slot; null adds nothing. */
    public ArticlePageParts add(Slot slot, Content content) {
        if (content != null) {
            slots.computeIfAbsent(slot, s -> new ArrayList<>()).add(content);
        }
        return this;
    }

    /** Adds {@code content} under the figure showing image {@code imageId}; null adds nothing. */
    public ArticlePageParts underFigure(String imageId, Content content) {
        if (content != null) {
            figures.computeIfAbsent(imageId, s -> new ArrayList<>()).add(content);
        }
        return this;
    }

    public List<Content> in(Slot slot) {
        return slots.getOrDefault(slot, List.of());
    }

    public List<Content> underFigure(String imageId) {
        return figures.getOrDefault(imageId, List.of());
    }

    /**
     * Every part by its place on the page — {@code slot:CONTROLS:0}, {@code figure:<image id>:1} —
     * in page order of slots, then figures.
     */
    public Map<String, Content> byPlace() {
        Map<String, Content> places = new LinkedHashMap<>();
        slots.forEach((slot, contents) -> {
            for (int i = 0; i < contents.size(); i++) {
                places.put("slot:" + slot.name() + ":" + i, contents.get(i));
            }
        });
        figures.forEach((image, contents) -> {
            for (int i = 0; i < contents.size(); i++) {
                places.put("figure:" + image + ":" + i, contents.get(i));
            }
        });
        return places;
    }

    /** The same parts, each one replaced by what {@code wrap} makes of it and its place ({@link #byPlace}). */
    public ArticlePageParts wrapped(java.util.function.BiFunction<String, Content, Content> wrap) {
        ArticlePageParts wrapped = new ArticlePageParts();
        slots.forEach((slot, contents) -> {
            for (int i = 0; i < contents.size(); i++) {
                wrapped.add(slot, wrap.apply("slot:" + slot.name() + ":" + i, contents.get(i)));
            }
        });
        figures.forEach((image, contents) -> {
            for (int i = 0; i < contents.size(); i++) {
                wrapped.underFigure(image, wrap.apply("figure:" + image + ":" + i, contents.get(i)));
            }
        });
        return wrapped;
    }

    /** The parts of every module, in the order given, as one value for the page. */
    public static ArticlePageParts merged(List<ArticlePageParts> all) {
        ArticlePageParts merged = new ArticlePageParts();
        for (ArticlePageParts parts : all) {
            parts.slots.forEach((slot, contents) -> contents.forEach(c -> merged.add(slot, c)));
            parts.figures.forEach((image, contents) -> contents.forEach(c -> merged.underFigure(image, c)));
        }
        return merged;
    }
}
