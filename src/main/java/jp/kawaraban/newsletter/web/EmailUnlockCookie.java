package jp.kawaraban.newsletter.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.access.ArticleUnlock;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.newsletter.EmailUnlocks;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The email unlock as {@code access} asks for it: the browser's signed cookie names this
 * article under its current marking, unexpired — and the request is for the article's own
 * pages, the path the cookie is scoped to. Elsewhere (the JSON API above all) the cookie
 * opens nothing even when a client sends it by hand: the unlock is a browser's, for reading
 * the page (decision 0010).
 */
@Component
class EmailUnlockCookie implements ArticleUnlock {

    private final EmailUnlocks unlocks;

    EmailUnlockCookie(EmailUnlocks unlocks) {
        this.unlocks = unlocks;
    }

    @Override
    public boolean unlocksHere(ArticleId article) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet)
                || servlet.getRequest().getCookies() == null || !onTheArticlesPages(servlet.getRequest(), article)) {
            return false;
        }
        for (Cookie cookie : servlet.getRequest().getCookies()) {
            if (EmailUnlocks.COOKIE.equals(cookie.getName()) && unlocks.unlocks(cookie.getValue(), article)) {
                return true;
            }
        }
        return false;
    }

    /** Within the cookie's path: {@code /articles/<id>} or below it ({@code /articles/<id>/print}). */
    private static boolean onTheArticlesPages(HttpServletRequest request, ArticleId article) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String scope = new EmailUnlocks.Unlock(article, "", 0).cookiePath();
        return path.equals(scope) || path.startsWith(scope + "/");
    }
}
