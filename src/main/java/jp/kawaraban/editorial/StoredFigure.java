package jp.kawaraban.editorial;

import java.time.Instant;

/**
 * A figure in the desk's library: its image is served at {@link #url()} and an article shows
 * it where {@link #markup()} is pasted into the body.
 *
 * @param id          the image id, as used in article bodies and {@code /images/{id}}
 * @param fileName    the uploaded file's name, for recognising it in the list; may be {@code null}
 * @param width       in pixels (for SVG: its declared size), {@code null} when it declares none
 * @param height      likewise
 * @param uploadedBy  the uploading editor's name as it was at the time
 */
public record StoredFigure(String id, String fileName, String caption, String credit, String contentType,
                           Integer width, Integer height, String uploadedBy, Instant uploadedAt) {

    public String url() {
        return "/images/" + id;
    }

    /** The line to paste into an article body: {@code ![caption](id "credit")} (docs/article-format.md). */
    public String markup() {
        return "![" + caption + "](" + id + (credit == null || credit.isEmpty() ? "" : " \"" + credit + "\"") + ")";
    }
}
