package jp.kawaraban.site;

import java.util.List;
import java.util.Objects;

import gg.jte.Content;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The controls every module puts in a topic page's heading ({@link TopicPageExtension}), for
 * whichever module owns the page: the site's series and keyword listings, search's entity pages.
 */
@Component
public final class TopicControls {

    private final List<TopicPageExtension> extensions;

    TopicControls(ObjectProvider<TopicPageExtension> extensions) {
        this.extensions = extensions.orderedStream().toList();
    }

    /**
     * The heading's controls, in the extensions' order, or null for none.
     *
     * @see TopicPageExtension#headingControl(String, String, String)
     */
    public Content inHeading(String kind, String value, String path) {
        List<Content> controls = extensions.stream().map(e -> e.headingControl(kind, value, path))
                .filter(Objects::nonNull).toList();
        if (controls.isEmpty()) {
            return null;
        }
        return output -> controls.forEach(control -> control.writeTo(output));
    }
}
