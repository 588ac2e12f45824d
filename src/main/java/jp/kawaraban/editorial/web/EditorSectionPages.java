package jp.kawaraban.editorial.web;

import java.util.Map;

import jp.kawaraban.editorial.Vocabulary;
import jp.kawaraban.editorial.VocabularyException;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PageNotFoundException;
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
 * {@code /editor/sections} (editors only, by the security chain): the paper's sections in
 * navigation order; add, rename, move up or down. Each change is recorded in the audit log.
 */
@Controller
class EditorSectionPages {

    private final Vocabulary vocabulary;
    private final Messages msg;

    EditorSectionPages(Vocabulary vocabulary, Messages msg) {
        this.vocabulary = vocabulary;
        this.msg = msg;
    }

    @GetMapping("/editor/sections")
    ModelAndView list(CsrfToken csrf, @RequestParam(required = false) String done) {
        return page(new EditorSectionsView(vocabulary.sections(), "", "", null, null, doneNotice(done), false, csrf),
                HttpStatus.OK);
    }

    @PostMapping("/editor/sections")
    ModelAndView create(CsrfToken csrf, @AuthenticationPrincipal MemberPrincipal editor,
                        @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name) {
        try {
            vocabulary.createSection(DeskActors.of(editor), code, name);
        } catch (VocabularyException refused) {
            return refused(refused, new EditorSectionsView(vocabulary.sections(), code, name, null, null, null, true, csrf));
        }
        return changed("created");
    }

    @PostMapping("/editor/sections/{code}")
    ModelAndView rename(@PathVariable String code, CsrfToken csrf, @AuthenticationPrincipal MemberPrincipal editor,
                        @RequestParam(defaultValue = "") String name) {
        try {
            vocabulary.renameSection(DeskActors.of(editor), code, name);
        } catch (VocabularyException refused) {
            return refused(refused, new EditorSectionsView(vocabulary.sections(), "", "", code, name, null, true, csrf));
        }
        return changed("renamed");
    }

    @PostMapping("/editor/sections/{code}/move")
    ModelAndView move(@PathVariable String code, CsrfToken csrf, @AuthenticationPrincipal MemberPrincipal editor,
                      @RequestParam(defaultValue = "") String direction) {
        Vocabulary.Move move = switch (direction) {
            case "up" -> Vocabulary.Move.UP;
            case "down" -> Vocabulary.Move.DOWN;
            default -> null;
        };
        if (move == null) {
            return page(new EditorSectionsView(vocabulary.sections(), "", "", null, null,
                    msg.get("editor.sections.badDirection"), true, csrf), HttpStatus.BAD_REQUEST);
        }
        try {
            vocabulary.moveSection(DeskActors.of(editor), code, move);
        } catch (VocabularyException refused) {
            return refused(refused, new EditorSectionsView(vocabulary.sections(), "", "", null, null, null, true, csrf));
        }
        return changed("moved");
    }

    private ModelAndView changed(String done) {
        return new ModelAndView("redirect:/editor/sections?done=" + done);
    }

    private ModelAndView refused(VocabularyException refused, EditorSectionsView view) {
        if (refused.notFound()) {
            throw new PageNotFoundException(refused.getMessage());
        }
        String message = msg.get(refused.messageKey(), refused.arguments());
        return page(new EditorSectionsView(view.sections(), view.newCode(), view.newName(), view.renaming(),
                view.renamingName(), message, true, view.csrf()), HttpStatus.BAD_REQUEST);
    }

    private String doneNotice(String done) {
        return done != null && done.matches("created|renamed|moved") ? msg.get("editor.sections.done." + done) : null;
    }

    private ModelAndView page(EditorSectionsView view, HttpStatus status) {
        ModelAndView page = new ModelAndView("editorial/editorSections", Map.of(
                "meta", PageMeta.hidden(msg.get("editor.sections.title")),
                "view", view));
        page.setStatus(status);
        return page;
    }
}
