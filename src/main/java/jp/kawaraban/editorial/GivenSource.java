package jp.kawaraban.editorial;

import java.net.URI;
import java.util.Locale;

import jp.kawaraban.platform.web.TypedText;

/**
 * The outlet an operator ({@code import --source=NAME [--source-url=URL]}) or an editor (the
 * import form's fields) says a page comes from. A page copied out of a browser often names
 * nobody; whoever imports it knows whose it is. What is given wins over what the page says.
 *
 * @param name the outlet's name, or {@code null} when none was given
 * @param url  the original article's address, or {@code null}
 */
public record GivenSource(String name, URI url) {

    public static final GivenSource NONE = new GivenSource(null, null);

    public GivenSource {
        name = name == null || name.isBlank() ? null : TypedText.withoutControls(name).strip();
    }

    /**
     * What an operator or an editor typed: blank fields are not given.
     *
     * @throws ImportException ({@code BAD_SOURCE_URL}) when the address is not an http(s) address
     */
    public static GivenSource typed(String name, String url) {
        if (url == null || url.isBlank()) {
            return new GivenSource(name, null);
        }
        try {
            URI address = new URI(url.strip());
            String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || address.getHost() == null) {
                throw new ImportException(ImportException.Problem.BAD_SOURCE_URL, url.strip());
            }
            return new GivenSource(name, address);
        } catch (java.net.URISyntaxException notAnAddress) {
            throw new ImportException(ImportException.Problem.BAD_SOURCE_URL, url.strip());
        }
    }
}
