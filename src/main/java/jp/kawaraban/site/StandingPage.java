package jp.kawaraban.site;

import java.util.Arrays;
import java.util.Optional;

import jp.kawaraban.platform.settings.Setting;

/**
 * The pages a Japanese subscription site must have, linked from every footer: 利用規約,
 * プライバシーポリシー, 特定商取引法に基づく表記 and お問い合わせ. Administrators write them at
 * {@code /admin/pages}; until they do, a template in our words shows what belongs there, with
 * the publisher's particulars left 【in brackets】 to fill in.
 */
public enum StandingPage {
    TERMS("terms", Setting.TERMS_PAGE),
    PRIVACY("privacy", Setting.PRIVACY_PAGE),
    COMMERCE("commerce", Setting.COMMERCE_PAGE),
    CONTACT("contact", Setting.CONTACT_PAGE);

    /** The longest text a page may have, in characters. */
    public static final int MAX_CHARACTERS = 30_000;

    private final String slug;
    private final Setting setting;

    StandingPage(String slug, Setting setting) {
        this.slug = slug;
        this.setting = setting;
    }

    public String slug() {
        return slug;
    }

    /** Where readers find it. */
    public String path() {
        return "/about/" + slug;
    }

    /** Where an administrator's text for it is stored. */
    public Setting setting() {
        return setting;
    }

    /** The message key of its title. */
    public String titleKey() {
        return "standing." + slug + ".title";
    }

    /** The template shown until an administrator writes the page, on the classpath. */
    public String templateResource() {
        return "site/standing/" + slug + ".md";
    }

    public static Optional<StandingPage> bySlug(String slug) {
        return Arrays.stream(values()).filter(page -> page.slug.equals(slug)).findFirst();
    }
}
