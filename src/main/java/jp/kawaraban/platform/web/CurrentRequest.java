package jp.kawaraban.platform.web;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** What a page part made outside a controller (a template fragment's model) needs of its request. */
public final class CurrentRequest {

    private CurrentRequest() {
    }

    /**
     * The CSRF token forms of this request must carry, or null outside a request. Ask only for
     * members: reading the token of an anonymous reader would open a session and make the page
     * uncacheable.
     */
    public static CsrfToken csrfToken() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? (CsrfToken) servlet.getRequest().getAttribute(CsrfToken.class.getName()) : null;
    }
}
