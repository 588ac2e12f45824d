package jp.kawaraban.setup.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jp.kawaraban.editorial.AuditLog;
import jp.kawaraban.editorial.Vocabulary;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.FormPage;
import jp.kawaraban.platform.web.FormPages;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.platform.web.PageNotFoundException;
import jp.kawaraban.setup.RuntimeSettings;
import jp.kawaraban.setup.SetupRefusal;
import jp.kawaraban.site.StandingPage;
import jp.kawaraban.site.StandingPageTexts;
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
 * {@code /admin} (administrators only, by the security chain): the index of the
 * administrators' pages, {@code /admin/settings}, the runtime settings, and {@code /admin/pages},
 * the terms, privacy policy, commerce notice and contact page every footer links to.
 */
@Controller
class AdminPages {

    private final RuntimeSettings settings;
    private final Vocabulary vocabulary;
    private final FormPages forms;
    private final Messages msg;
    private final StandingPageTexts texts;

    AdminPages(RuntimeSettings settings, Vocabulary vocabulary, FormPages forms, Messages msg, StandingPageTexts texts) {
        this.texts = texts;
        this.settings = settings;
        this.vocabulary = vocabulary;
        this.forms = forms;
        this.msg = msg;
    }

    @GetMapping("/admin")
    ModelAndView index() {
        List<FormPage.Link> links = List.of(
                new FormPage.Link("/admin/staff", msg.get("admin.index.staff")),
                new FormPage.Link("/admin/members", msg.get("admin.index.members")),
                new FormPage.Link("/admin/plans", msg.get("admin.index.plans")),
                new FormPage.Link("/admin/settings", msg.get("admin.index.settings")),
                new FormPage.Link("/admin/pages", msg.get("admin.index.pages")),
                new FormPage.Link("/admin/search", msg.get("admin.index.search")),
                new FormPage.Link("/editor/audit", msg.get("admin.index.audit")),
                new FormPage.Link("/editor", msg.get("admin.index.desk")));
        return forms.show(new FormPage(msg.get("admin.index.title"), msg.get("admin.index.intro"), null, false, null, List.of(),
                null, links, null), HttpStatus.OK);
    }

    @GetMapping("/admin/settings")
    ModelAndView form(CsrfToken csrf, @RequestParam(required = false) String saved) {
        return form(settings.current(), saved != null ? msg.get("admin.settings.saved") : null, false, csrf, HttpStatus.OK);
    }

    @PostMapping("/admin/settings")
    ModelAndView save(CsrfToken csrf, @AuthenticationPrincipal MemberPrincipal admin,
                      @RequestParam(defaultValue = "") String name,
                      @RequestParam(defaultValue = "") String previewCharacters,
                      @RequestParam(defaultValue = "") String freeMonthlyPaidArticles,
                      @RequestParam(defaultValue = "") String importDefaultSection,
                      @RequestParam(defaultValue = "") String postalAddress) {
        var wanted = new RuntimeSettings.Values(name, previewCharacters, freeMonthlyPaidArticles, importDefaultSection,
                postalAddress);
        try {
            settings.change(new AuditLog.Actor(admin.id().value().toString(), admin.displayName()), wanted);
        } catch (SetupRefusal refused) {
            return form(wanted, msg.get(refused.messageKey(), refused.arguments()), true, csrf, HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/admin/settings?saved");
    }

    /** The standing pages (terms, privacy, commerce notice, contact), each with whether it is still the template. */
    @GetMapping("/admin/pages")
    ModelAndView pages(@RequestParam(required = false) String saved) {
        List<FormPage.Link> links = new ArrayList<>();
        for (StandingPage page : StandingPage.values()) {
            links.add(new FormPage.Link("/admin/pages/" + page.slug(), msg.get(page.titleKey())
                    + (texts.written(page) ? "" : msg.get("admin.pages.stillTemplate"))));
        }
        links.add(new FormPage.Link("/admin", msg.get("admin.index.title")));
        String notice = saved == null ? null : StandingPage.bySlug(saved)
                .map(page -> msg.get("admin.pages.saved", msg.get(page.titleKey()), page.path())).orElse(null);
        return forms.show(new FormPage(msg.get("admin.pages.title"), msg.get("admin.pages.intro"), notice, false, null,
                List.of(), null, links, null), HttpStatus.OK);
    }

    @GetMapping("/admin/pages/{slug}")
    ModelAndView pageForm(@PathVariable String slug, CsrfToken csrf) {
        StandingPage page = standing(slug);
        return pageForm(page, texts.current(page), null, csrf, HttpStatus.OK);
    }

    @PostMapping("/admin/pages/{slug}")
    ModelAndView savePage(@PathVariable String slug, CsrfToken csrf, @AuthenticationPrincipal MemberPrincipal admin,
                          @RequestParam(defaultValue = "") String text) {
        StandingPage page = standing(slug);
        try {
            settings.changePage(new AuditLog.Actor(admin.id().value().toString(), admin.displayName()), page, text);
        } catch (SetupRefusal refused) {
            return pageForm(page, text, msg.get(refused.messageKey(), refused.arguments()), csrf, HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:/admin/pages?saved=" + page.slug());
    }

    private static StandingPage standing(String slug) {
        return StandingPage.bySlug(slug).orElseThrow(() -> new PageNotFoundException("standing page " + slug));
    }

    private ModelAndView pageForm(StandingPage page, String text, String error, CsrfToken csrf, HttpStatus status) {
        List<FormPage.Field> fields = List.of(new FormPage.Field("text", msg.get("admin.pages.text"), "textarea", text,
                "off", msg.get("admin.pages.hint", StandingPage.MAX_CHARACTERS)));
        return forms.show(new FormPage(msg.get(page.titleKey()), msg.get("admin.pages.formIntro", page.path()), error,
                error != null, "/admin/pages/" + page.slug(), fields, msg.get("admin.pages.submit"),
                List.of(new FormPage.Link(page.path(), msg.get("admin.pages.view")),
                        new FormPage.Link("/admin/pages", msg.get("admin.pages.title"))), csrf), status);
    }

    private ModelAndView form(RuntimeSettings.Values values, String notice, boolean error, CsrfToken csrf, HttpStatus status) {
        String sections = vocabulary.sections().stream().map(s -> s.code() + "（" + s.name() + "）")
                .collect(Collectors.joining("、"));
        List<FormPage.Field> fields = List.of(
                new FormPage.Field("name", msg.get("admin.settings.publication.name"), "text", values.name(), "off", null),
                new FormPage.Field("previewCharacters", msg.get("admin.settings.site.preview-characters"), "number",
                        values.previewCharacters(), "off", msg.get("admin.settings.hint.preview")),
                new FormPage.Field("freeMonthlyPaidArticles", msg.get("admin.settings.access.free-monthly-paid-articles"), "number",
                        values.freeMonthlyPaidArticles(), "off", msg.get("admin.settings.hint.allowance")),
                new FormPage.Field("importDefaultSection", msg.get("admin.settings.editorial.import.default-section"), "text",
                        values.importDefaultSection(), "off", msg.get("admin.settings.hint.section", sections)),
                new FormPage.Field("postalAddress", msg.get("admin.settings.newsletter.postal-address"), "text",
                        values.postalAddress(), "off", msg.get("admin.settings.hint.postalAddress")));
        return forms.show(new FormPage(msg.get("admin.settings.title"), msg.get("admin.settings.intro"), notice, error,
                "/admin/settings", fields, msg.get("admin.settings.submit"),
                List.of(new FormPage.Link("/admin", msg.get("admin.index.title"))), csrf), status);
    }
}
