package jp.kawaraban.editorial.web;

import java.util.List;

import jp.kawaraban.editorial.ImportedPage;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The import desk page: the upload form, and after a preview the draft as it would read.
 *
 * @param page        the page as read, or {@code null} (the empty form, or an error)
 * @param error       why the file could not be read or stored, in Japanese, or {@code null}
 * @param fileName    the file the preview was made from, carried to the save form
 * @param content     the file's bytes, gzipped and base64-encoded, carried to the save form
 *                    so that saving needs no state on the server
 * @param given       the outlet the editor named for the page (carried to the save form), never {@code null}
 * @param duplicateOf the article this page was imported as before (no save button then), or {@code null}
 */
public record EditorImportView(ImportedPage page, String sectionName, String published, String updated,
                               List<String> warnings, String error, String fileName, String content,
                               jp.kawaraban.editorial.GivenSource given, String duplicateOf, String maxSize, CsrfToken csrf) {

    public String givenName() {
        return given.name() == null ? "" : given.name();
    }

    public String givenUrl() {
        return given.url() == null ? "" : given.url().toString();
    }

    public String bylines() {
        return page == null ? "" : String.join("、", page.bylines());
    }

    public boolean paid() {
        return page != null && page.accessLevel() == jp.kawaraban.article.AccessLevel.PAID;
    }
}
