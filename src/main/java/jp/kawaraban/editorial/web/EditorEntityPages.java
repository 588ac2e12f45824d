package jp.kawaraban.editorial.web;

import java.util.List;
import java.util.Map;

import jp.kawaraban.editorial.Vocabulary;
import jp.kawaraban.editorial.VocabularyException;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageMeta;
import jp.kawaraban.platform.web.PageNotFoundException;
import jp.kawaraban.search.Entities;
import jp.kawaraban.text.Entity;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

/**
 * {@code /editor/entities} (editors only, by the security chain): the entity vocabulary —
 * search, add, edit (aliases one per line), add or remove one alias, merge one entity into
 * another. Each change is recorded in the audit log; refused input is shown again with the
 * reason, and nothing is stored.
 */
@Controller
class EditorEntityPages {

    private static final int HISTORY = 10;

    private final Vocabulary vocabulary;
    private final AuditRows audit;
    private final Messages msg;

    EditorEntityPages(Vocabulary vocabulary, AuditRows audit, Messages msg) {
        this.vocabulary = vocabulary;
        this.audit = audit;
        this.msg = msg;
    }

    @GetMapping("/editor/entities")
    ModelAndView list(CsrfToken csrf, @RequestParam(defaultValue = "") String q) {
        return listPage(q, EditorEntitiesView.Form.EMPTY, null, false, csrf, HttpStatus.OK);
    }

    @PostMapping("/editor/entities")
    ModelAndView create(CsrfToken csrf, @AuthenticationPrincipal MemberPrincipal editor,
                        @RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String canonicalName,
                        @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String aliases,
                        @RequestParam(defaultValue = "") String description) {
        var form = new EditorEntitiesView.Form(id, canonicalName, kind, aliases, description);
        try {
            Entity created = vocabulary.createEntity(DeskActors.of(editor), input(form));
            return done(created.id(), "created");
        } catch (VocabularyException refused) {
            if (refused.notFound()) {
                throw new PageNotFoundException(refused.getMessage());
            }
            return listPage("", form, message(refused), true, csrf, HttpStatus.BAD_REQUEST);
        }
    }

    @GetMapping("/editor/entities/{id}")
    ModelAndView edit(@PathVariable String id, CsrfToken csrf, @RequestParam(required = false) String done) {
        Entity entity = vocabulary.entity(id).orElse(null);
        if (entity == null) {
            // An entity merged away: its desk page is the one it became.
            return vocabulary.mergedInto(id).map(into -> new ModelAndView("redirect:/editor/entities/" + into))
                    .orElseThrow(() -> new PageNotFoundException("entity " + id));
        }
        String notice = done != null && done.matches("created|saved|aliasAdded|aliasRemoved|merged")
                ? msg.get("editor.entities.done." + done) : null;
        return editPage(entity, EditorEntitiesView.Form.of(entity), "", "", notice, false, csrf, HttpStatus.OK);
    }

    @PostMapping("/editor/entities/{id}")
    ModelAndView update(@PathVariable String id, CsrfToken csrf, @AuthenticationPrincipal MemberPrincipal editor,
                        @RequestParam(defaultValue = "") String canonicalName, @RequestParam(defaultValue = "") String kind,
                        @RequestParam(defaultValue = "") String aliases, @RequestParam(defaultValue = "") String description) {
        Entity entity = existing(id);
        var form = new EditorEntitiesView.Form(id, canonicalName, kind, aliases, description);
        try {
            vocabulary.updateEntity(DeskActors.of(editor), id, input(form));
        } catch (VocabularyException refused) {
            return refusedOnEditPage(refused, entity, form, "", "", csrf);
        }
        return done(id, "saved");
    }

    @PostMapping("/editor/entities/{id}/aliases")
    ModelAndView addAlias(@PathVariable String id, CsrfToken csrf, @AuthenticationPrincipal MemberPrincipal editor,
                          @RequestParam(defaultValue = "") String alias) {
        Entity entity = existing(id);
        try {
            vocabulary.addAlias(DeskActors.of(editor), id, alias);
        } catch (VocabularyException refused) {
            return refusedOnEditPage(refused, entity, EditorEntitiesView.Form.of(entity), alias, "", csrf);
        }
        return done(id, "aliasAdded");
    }

    @PostMapping("/editor/entities/{id}/aliases/remove")
    ModelAndView removeAlias(@PathVariable String id, CsrfToken csrf, @AuthenticationPrincipal MemberPrincipal editor,
                             @RequestParam(defaultValue = "") String alias) {
        Entity entity = existing(id);
        try {
            vocabulary.removeAlias(DeskActors.of(editor), id, alias);
        } catch (VocabularyException refused) {
            return refusedOnEditPage(refused, entity, EditorEntitiesView.Form.of(entity), "", "", csrf);
        }
        return done(id, "aliasRemoved");
    }

    @PostMapping("/editor/entities/{id}/merge")
    ModelAndView merge(@PathVariable String id, CsrfToken csrf, @AuthenticationPrincipal MemberPrincipal editor,
                       @RequestParam(defaultValue = "") String into, @RequestParam(defaultValue = "") String confirm) {
        Entity entity = existing(id);
        if (!"yes".equals(confirm)) {
            return editPage(entity, EditorEntitiesView.Form.of(entity), "", into,
                    msg.get("editor.entities.merge.unconfirmed"), true, csrf, HttpStatus.BAD_REQUEST);
        }
        Entity merged;
        try {
            merged = vocabulary.merge(DeskActors.of(editor), id, into);
        } catch (VocabularyException refused) {
            return refusedOnEditPage(refused, entity, EditorEntitiesView.Form.of(entity), "", into, csrf);
        }
        return done(merged.id(), "merged");
    }

    private Entity existing(String id) {
        return vocabulary.entity(id).orElseThrow(() -> new PageNotFoundException("entity " + id));
    }

    private static Vocabulary.EntityInput input(EditorEntitiesView.Form form) {
        return new Vocabulary.EntityInput(form.id(), form.canonicalName(), form.kind(), form.aliasList(), form.description());
    }

    private static ModelAndView done(String id, String done) {
        return new ModelAndView("redirect:/editor/entities/" + UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8)
                + "?done=" + done);
    }

    private String message(VocabularyException refused) {
        return msg.get(refused.messageKey(), refused.arguments());
    }

    private ModelAndView refusedOnEditPage(VocabularyException refused, Entity entity, EditorEntitiesView.Form form,
                                           String aliasInput, String mergeInto, CsrfToken csrf) {
        if (refused.notFound()) {
            throw new PageNotFoundException(refused.getMessage());
        }
        return editPage(entity, form, aliasInput, mergeInto, message(refused), true, csrf, HttpStatus.BAD_REQUEST);
    }

    private ModelAndView listPage(String q, EditorEntitiesView.Form form, String notice, boolean error, CsrfToken csrf,
                                  HttpStatus status) {
        var view = new EditorEntitiesView(q, vocabulary.findEntities(q), null, form, "", List.of(), "", List.of(),
                Entities.REVISITED_ARTICLES, notice, error, csrf);
        return page(msg.get("editor.entities.title"), view, status);
    }

    private ModelAndView editPage(Entity entity, EditorEntitiesView.Form form, String aliasInput, String mergeInto,
                                  String notice, boolean error, CsrfToken csrf, HttpStatus status) {
        List<Entity> targets = vocabulary.findEntities("").stream().filter(e -> !e.id().equals(entity.id())).toList();
        var view = new EditorEntitiesView("", List.of(), entity, form, aliasInput, targets, mergeInto,
                audit.recent("entity:" + entity.id(), HISTORY, 0), Entities.REVISITED_ARTICLES, notice, error, csrf);
        return page(msg.get("editor.entities.editTitle", entity.canonicalName()), view, status);
    }

    private ModelAndView page(String title, EditorEntitiesView view, HttpStatus status) {
        ModelAndView page = new ModelAndView("editorial/editorEntities", Map.of(
                "meta", PageMeta.hidden(title),
                "view", view));
        page.setStatus(status);
        return page;
    }
}
