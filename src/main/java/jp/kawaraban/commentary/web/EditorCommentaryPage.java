package jp.kawaraban.commentary.web;

import java.util.Map;

import jp.kawaraban.article.PageOf;
import jp.kawaraban.commentary.Commentaries;
import jp.kawaraban.commentary.CommentaryException;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /editor/commentary}: editors and administrators (the security chain closes
 * {@code /editor/**} to everyone else) see the newest commentary, hidden ones included, and
 * hide one with a required reason, or show it again. Who hid it and when is stored with it.
 */
@Controller
class EditorCommentaryPage {

    private final Commentaries commentaries;
    private final CommentaryViews views;
    private final Messages msg;

    EditorCommentaryPage(Commentaries commentaries, CommentaryViews views, Messages msg) {
        this.commentaries = commentaries;
        this.views = views;
        this.msg = msg;
    }

    @GetMapping("/editor/commentary")
    ModelAndView list(@AuthenticationPrincipal MemberPrincipal editor, CsrfToken csrf,
                      @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String done) {
        String notice = done == null || !(done.equals("hidden") || done.equals("shown")) ? null
                : msg.get("commentary.editor." + done);
        return page(editor, page, notice, false, null, csrf, HttpStatus.OK);
    }

    @PostMapping("/editor/commentary/{id}/hide")
    ModelAndView hide(@AuthenticationPrincipal MemberPrincipal editor, CsrfToken csrf, @PathVariable String id,
                      @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "1") int page) {
        try {
            commentaries.hide(CommentaryPages.commentaryId(id), editor.id(), reason);
            return new ModelAndView("redirect:/editor/commentary?done=hidden&page=" + Math.max(1, page));
        } catch (CommentaryException refused) {
            return page(editor, page, msg.get(refused.messageKey(), commentaries.properties().maxCharacters()),
                    true, id, csrf, CommentaryPages.status(refused.problem()));
        }
    }

    @PostMapping("/editor/commentary/{id}/unhide")
    ModelAndView unhide(@AuthenticationPrincipal MemberPrincipal editor, CsrfToken csrf, @PathVariable String id,
                        @RequestParam(defaultValue = "1") int page) {
        try {
            commentaries.unhide(CommentaryPages.commentaryId(id));
            return new ModelAndView("redirect:/editor/commentary?done=shown&page=" + Math.max(1, page));
        } catch (CommentaryException refused) {
            return page(editor, page, msg.get(refused.messageKey(), commentaries.properties().maxCharacters()),
                    true, id, csrf, CommentaryPages.status(refused.problem()));
        }
    }

    private ModelAndView page(MemberPrincipal editor, int page, String notice, boolean error, String errorId,
                              CsrfToken csrf, HttpStatus status) {
        var found = commentaries.newest(page);
        var items = new PageOf<>(found.items().stream()
                .map(c -> views.item(c.comment(), c.article(), editor.id(), true)).toList(),
                found.number(), found.size(), found.total());
        ModelAndView view = new ModelAndView("commentary/editorCommentary", Map.of(
                "meta", PageMeta.hidden(msg.get("commentary.editor.title")),
                "editor", new EditorCommentaryView(items, notice, error, errorId, csrf)));
        view.setStatus(status);
        return view;
    }
}
