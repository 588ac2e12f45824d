package jp.kawaraban.site;

import gg.jte.Content;

/**
 * A module's control in the heading of a topic's page — a series, a column, a keyword or an
 * entity — such as "follow". Rendered from the adding module's own template; null for nothing.
 */
public interface TopicPageExtension {

    /**
     * @param kind  {@code series}, {@code column}, {@code keyword} or {@code entity}
     * @param value the series or column code, the keyword, or the entity id
     * @param path  the page's own path, where a form on it sends the reader back to
     */
    Content headingControl(String kind, String value, String path);
}
