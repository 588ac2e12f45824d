package jp.kawaraban.site;

import org.springframework.http.CacheControl;

/**
 * The one rule for how long browsers and a CDN may keep what readers get, for the pages and
 * API answers other modules make outside the site's own paths (an expert's profile, search).
 */
public interface PublicCaching {

    /**
     * Public and brief for anonymous readers; private and never stored for a logged-in member,
     * whose answers are their own. The answer must also say {@code Vary: Cookie}.
     */
    CacheControl forThisReader();

    /** Public and brief: for answers that are the same for every reader. */
    CacheControl forEveryone();
}
