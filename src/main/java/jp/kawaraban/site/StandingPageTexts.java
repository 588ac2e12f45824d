package jp.kawaraban.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jp.kawaraban.article.ArticleMarkup;
import jp.kawaraban.article.Body;
import jp.kawaraban.platform.settings.Settings;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The text of each {@link StandingPage}: what an administrator stored, else our template. Pages
 * are written in the articles' markup (paragraphs, {@code ## } subheadings, lists), without
 * figures.
 */
@Service
public class StandingPageTexts {

    private final Settings settings;

    StandingPageTexts(Settings settings) {
        this.settings = settings;
    }

    /** The text readers are shown now. */
    public String current(StandingPage page) {
        return settings.stored(page.setting()).orElseGet(() -> template(page));
    }

    /** Whether an administrator has written the page (else readers see the template). */
    public boolean written(StandingPage page) {
        return settings.stored(page.setting()).isPresent();
    }

    /** The page as blocks to render. */
    public Body body(StandingPage page) {
        return parse(current(page));
    }

    /**
     * Reads a text as a page.
     *
     * @throws IllegalArgumentException when it holds a figure, which a standing page cannot show
     */
    public static Body parse(String text) {
        return ArticleMarkup.parse(text, file -> {
            throw new IllegalArgumentException("a standing page has no figures: " + file);
        });
    }

    public static String template(StandingPage page) {
        try (InputStream in = new ClassPathResource(page.templateResource()).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException missing) {
            throw new UncheckedIOException("the template of " + page + " is part of the jar", missing);
        }
    }
}
