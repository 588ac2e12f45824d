package jp.kawaraban.platform.settings;

/**
 * A value the publication may change while it runs. Each stands in for a property of the
 * module that reads it: while nothing is stored, that property's value holds.
 */
public enum Setting {
    /** The publication's name (default {@code kawaraban.site.name}). */
    PUBLICATION_NAME("publication.name"),
    /** The public address, stored by setup (default {@code kawaraban.site.base-url}). */
    BASE_URL("publication.base-url"),
    /** Characters of a closed article readers get before the paywall (default {@code kawaraban.site.preview-characters}). */
    PREVIEW_CHARACTERS("site.preview-characters"),
    /** Paid articles a free member may open each month (default {@code kawaraban.access.free-monthly-paid-articles}). */
    FREE_MONTHLY_PAID_ARTICLES("access.free-monthly-paid-articles"),
    /** The section of imported pages that name none (default {@code kawaraban.editorial.import.default-section}). */
    IMPORT_DEFAULT_SECTION("editorial.import.default-section"),
    /** The sender's postal address under every newsletter (default {@code kawaraban.newsletter.postal-address}). */
    NEWSLETTER_POSTAL_ADDRESS("newsletter.postal-address"),
    /** The terms of use page, in the articles' markup (default: the site module's template). */
    TERMS_PAGE("site.page.terms"),
    /** The privacy policy page. */
    PRIVACY_PAGE("site.page.privacy"),
    /** The notice the Act on Specified Commercial Transactions asks of a subscription seller. */
    COMMERCE_PAGE("site.page.commerce"),
    /** How to reach the publisher. */
    CONTACT_PAGE("site.page.contact"),
    /** When setup made the first administrator; present means "set up", for ever. */
    SET_UP_AT("setup.completed-at");

    private final String key;

    Setting(String key) {
        this.key = key;
    }

    /** The row's name in {@code platform_setting}. */
    public String key() {
        return key;
    }
}
