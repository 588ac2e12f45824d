package jp.kawaraban.site;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.CacheControl;

/**
 * The reading site's settings.
 *
 * @param baseUrl      the public address readers use; canonical links, feeds and share
 *                     links are built from it, through {@code platform.web.PublicUrls} (which
 *                     prefers the address setup stored); unset, a demo guesses it and a
 *                     set-up site refuses to start
 * @param name         the publication's name in page titles, feeds and structured data
 * @param pageSize     articles per listing page
 * @param cacheSeconds how long browsers and CDNs may keep anonymous pages
 * @param previewCharacters how much of a members-only or paid article's body everyone may
 *                     read before the paywall box
 */
@ConfigurationProperties("kawaraban.site")
public record SiteProperties(
        URI baseUrl,
        @DefaultValue("瓦版") String name,
        @DefaultValue("20") int pageSize,
        @DefaultValue("60") int cacheSeconds,
        @DefaultValue("200") int previewCharacters) {

    /** The cache policy of everything anonymous readers and crawlers get: pages, feeds, the API. */
    public CacheControl publicCache() {
        return CacheControl.maxAge(Duration.ofSeconds(cacheSeconds)).cachePublic();
    }
}
