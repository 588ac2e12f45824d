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

    Publication(SiteProperties site, Settings settings, PublicUrls urls) {
        this.site = site;
        this.settings = settings;
        this.urls = urls;
    }

    String name() {
        return settings.text(Setting.PUBLICATION_NAME, site.name());
    }

    /** The name as this node last read it, for a page made while the database is out of reach (no query). */
    String lastName() {
        return settings.lastRead(Setting.PUBLICATION_NAME, site.name());
    }

    /** The absolute address of a path on this site, e.g. {@code /articles/abc}. */
    String url(String path) {
        return urls.url(path);
    }
}
