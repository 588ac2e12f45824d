package jp.kawaraban.commentary.web;

import java.util.List;

import jp.kawaraban.commentary.TextPart;

/**
 * One commentary as a page shows it.
 *
 * @param paragraphs the text, or {@code null} when this reader may not read it (anonymous
 *                   visitors of an expert's profile see which articles, not what was said)
 * @param text       the raw text, only for its author (the edit form), else {@code null}
 * @param edited     when it was edited, or {@code null}
 * @param hiddenReason why editors hid it: shown to its author and editors only
 */
public record CommentaryItem(String id, String articleId, String articleHeadline, String expertId, String expertName,
                             String expertTitle, String initials, int colour, List<List<TextPart>> paragraphs,
                             String text, String created, String createdIso, String edited, String editedIso,
                             boolean hidden, String hiddenReason, boolean mine) {

    public String profileUrl() {
        return "/experts/" + expertId;
    }

    public String articleUrl() {
        return "/articles/" + articleId;
    }

    public boolean readable() {
        return paragraphs != null;
    }
}
