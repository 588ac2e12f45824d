package jp.kawaraban.site.web;

import jp.kawaraban.platform.settings.Setting;
import jp.kawaraban.platform.settings.Settings;
import jp.kawaraban.platform.web.PublicUrls;
import jp.kawaraban.site.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * The publication's name and address as pages, feeds and structured data print them: the
 * runtime settings when an administrator changed them, else the properties.
 */
@Component
class Publication {

    private final SiteProperties site;
    private final Settings settings;
    private final PublicUrls urls;
    private volatile String lastName;

    Publication(SiteProperties site, Settings settings, PublicUrls urls) {
        this.site = site;
        this.settings = settings;
        this.urls = urls;
    }

    String name() {
        String name = settings.text(Setting.PUBLICATION_NAME, site.name());
        lastName = name;
        return name;
    }

    /**
     * The name last read, for a page made while the database is out of reach (no query): the
     * paper's own name as setup or an administrator stored it, not the properties' default — the
     * properties' until a page has read it since the start.
     */
    String lastName() {
        String last = lastName;
        return last == null ? site.name() : last;
    }

    /** The absolute address of a path on this site, e.g. {@code /articles/abc}. */
    String url(String path) {
        return urls.url(path);
    }
}
