package jp.kawaraban.setup;

import java.util.ArrayList;
import java.util.List;

import jp.kawaraban.access.AccessProperties;
import jp.kawaraban.editorial.AuditLog;
import jp.kawaraban.editorial.ImportProperties;
import jp.kawaraban.editorial.Vocabulary;
import jp.kawaraban.newsletter.NewsletterProperties;
import jp.kawaraban.platform.settings.Setting;
import jp.kawaraban.platform.settings.Settings;
import jp.kawaraban.platform.web.Messages;
import jp.kawaraban.site.SiteProperties;
import jp.kawaraban.site.StandingPage;
import jp.kawaraban.site.StandingPageTexts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators change while the site runs ({@code /admin/settings}). Each value is the
 * stored setting or, while none is stored, its module's property. A change is checked whole
 * before anything is stored, and each changed value gets its line in the audit log in the
 * same transaction; every node reads the new values within the settings cache's lifetime.
 */
@Service
public class RuntimeSettings {

    /** The values, as shown and as submitted (numbers as text, so a bad one can be shown back). */
    public record Values(String name, String previewCharacters, String freeMonthlyPaidArticles, String importDefaultSection,
                         String postalAddress) {
    }

    private final Settings settings;
    private final SiteProperties site;
    private final AccessProperties access;
    private final ImportProperties imports;
    private final NewsletterProperties newsletter;
    private final Vocabulary vocabulary;
    private final AuditLog audit;
    private final Messages msg;
    private final StandingPageTexts pages;

    RuntimeSettings(Settings settings, SiteProperties site, AccessProperties access, ImportProperties imports,
                    NewsletterProperties newsletter, Vocabulary vocabulary, AuditLog audit, Messages msg,
                    StandingPageTexts pages) {
        this.pages = pages;
        this.settings = settings;
        this.site = site;
        this.access = access;
        this.imports = imports;
        this.newsletter = newsletter;
        this.vocabulary = vocabulary;
        this.audit = audit;
        this.msg = msg;
    }

    public Values current() {
        return new Values(settings.text(Setting.PUBLICATION_NAME, site.name()),
                String.valueOf(settings.number(Setting.PREVIEW_CHARACTERS, site.previewCharacters())),
                String.valueOf(settings.number(Setting.FREE_MONTHLY_PAID_ARTICLES, access.freeMonthlyPaidArticles())),
                settings.text(Setting.IMPORT_DEFAULT_SECTION, imports.defaultSection()),
                settings.text(Setting.NEWSLETTER_POSTAL_ADDRESS, newsletter.postalAddress()));
    }

    /** Stores what differs from {@link #current()}; refused whole ({@link SetupRefusal}) when any value is wrong. */
    @Transactional
    public List<Setting> change(AuditLog.Actor actor, Values wanted) {
        String name = Inputs.name(wanted.name());
        int preview = Inputs.number("previewCharacters", wanted.previewCharacters(), Inputs.PREVIEW_MAX);
        int allowance = Inputs.number("freeMonthlyPaidArticles", wanted.freeMonthlyPaidArticles(), Inputs.ALLOWANCE_MAX);
        String section = wanted.importDefaultSection() == null ? "" : wanted.importDefaultSection().strip();
        if (vocabulary.sections().stream().noneMatch(s -> s.code().equals(section))) {
            throw SetupRefusal.invalid("importDefaultSection", "setup.error.importDefaultSection", section);
        }
        String postalAddress = Inputs.postalAddress(wanted.postalAddress());

        Values before = current();
        List<Setting> changed = new ArrayList<>();
        change(actor, Setting.PUBLICATION_NAME, before.name(), name, changed);
        change(actor, Setting.PREVIEW_CHARACTERS, before.previewCharacters(), String.valueOf(preview), changed);
        change(actor, Setting.FREE_MONTHLY_PAID_ARTICLES, before.freeMonthlyPaidArticles(), String.valueOf(allowance), changed);
        change(actor, Setting.IMPORT_DEFAULT_SECTION, before.importDefaultSection(), section, changed);
        change(actor, Setting.NEWSLETTER_POSTAL_ADDRESS, before.postalAddress(), postalAddress, changed);
        return changed;
    }

    /**
     * Stores an administrator's text for a standing page (the terms, the privacy policy...);
     * refused ({@link SetupRefusal}) when it is empty, too long or holds a figure.
     *
     * @return whether the text differed from the page's current one
     */
    @Transactional
    public boolean changePage(AuditLog.Actor actor, StandingPage page, String text) {
        String wanted = text == null ? "" : text.strip();
        if (wanted.isEmpty()) {
            throw SetupRefusal.invalid("text", "admin.pages.error.empty");
        }
        if (wanted.codePointCount(0, wanted.length()) > StandingPage.MAX_CHARACTERS) {
            throw SetupRefusal.invalid("text", "admin.pages.error.tooLong", StandingPage.MAX_CHARACTERS);
        }
        try {
            StandingPageTexts.parse(wanted);
        } catch (IllegalArgumentException unreadable) {
            throw SetupRefusal.invalid("text", "admin.pages.error.figure");
        }
        if (wanted.equals(pages.current(page))) {
            return false;
        }
        settings.store(page.setting(), wanted);
        audit.record(actor, "settings.change", "settings:" + page.setting().key(),
                msg.get("admin.pages.audit", msg.get(page.titleKey()), wanted.codePointCount(0, wanted.length())));
        return true;
    }

    private void change(AuditLog.Actor actor, Setting setting, String before, String after, List<Setting> changed) {
        if (before.equals(after)) {
            return;
        }
        settings.store(setting, after);
        audit.record(actor, "settings.change", "settings:" + setting.key(),
                msg.get("setup.audit.changed", msg.get("admin.settings." + setting.key()), before, after));
        changed.add(setting);
    }
}
