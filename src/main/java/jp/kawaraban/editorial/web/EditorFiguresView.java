package jp.kawaraban.editorial.web;

import java.util.List;

import jp.kawaraban.editorial.StoredFigure;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * {@code /editor/figures}: the upload form (with what was typed, kept after a refusal), the
 * figure just stored, and the recent uploads with their markup.
 *
 * @param notice  a refusal or confirmation to show, or {@code null}
 * @param stored  the figure just uploaded, or {@code null}
 * @param limits  the limits in words, shown next to the file field
 */
public record EditorFiguresView(String notice, boolean error, StoredFigure stored, String caption, String credit,
                                List<Item> recent, String limits, CsrfToken csrf) {

    /** One figure in the list, with its upload time in Japan time. */
    public record Item(StoredFigure figure, String uploadedAt, String uploadedAtIso) {
    }
}
