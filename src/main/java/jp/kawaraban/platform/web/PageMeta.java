package jp.kawaraban.platform.web;

/**
 * What goes into a page's {@code <head>} beyond the layout's defaults.
 *
 * @param title        the page's own title; the layout appends the publication's name
 * @param canonicalUrl absolute URL, also used for {@code og:url}
 * @param ogType       {@code article} for articles, {@code website} otherwise
 * @param jsonLd       structured data, already serialised and safe for a script element, or {@code null}
 * @param noindex      ask crawlers not to index (error pages, print views)
 */
public record PageMeta(String title, String description, String canonicalUrl, String ogType, String jsonLd,
                       boolean noindex) {

    public static PageMeta website(String title, String description, String canonicalUrl) {
        return new PageMeta(title, description, canonicalUrl, "website", null, false);
    }

    public static PageMeta hidden(String title) {
        return new PageMeta(title, "", null, "website", null, true);
    }
}
