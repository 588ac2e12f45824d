package jp.kawaraban.site.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The memory the anonymous reading pages are served from ({@link AnonymousPages}).
 *
 * @param enabled  off, every request renders its page
 * @param maxAge   how long a page is kept at most: the bound for changes no event announces
 *                 (commentary hidden by a job, recommendations computed later, runtime
 *                 settings read through their own short cache) and for other nodes, which
 *                 do not hear this node's events
 * @param maxBytes how much memory the kept pages may take, headers and keys counted
 * @param renderingWait how long a request for a page another request is rendering waits for
 *                 it before rendering the page itself
 * @param sharedArticleParts how many shared parts of members' article pages to keep (the article,
 *                 its lists, its topics: a few per article; {@link jp.kawaraban.site.SharedArticleData}),
 *                 dropped by the same rule as the pages
 */
@ConfigurationProperties("kawaraban.site.page-cache")
public record PageCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration maxAge,
        @DefaultValue("64MB") DataSize maxBytes,
        @DefaultValue("2s") Duration renderingWait,
        @DefaultValue("4000") int sharedArticleParts) {
}
