package jp.kawaraban.newsletter.web;

import jakarta.servlet.http.Cookie;
import jp.kawaraban.access.ArticleUnlock;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.newsletter.EmailUnlocks;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The email unlock as {@code access} asks for it: the browser's signed cookie (scoped to the
 * article's path) names this article, still eligible and unexpired.
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
                || servlet.getRequest().getCookies() == null) {
            return false;
        }
        for (Cookie cookie : servlet.getRequest().getCookies()) {
            if (EmailUnlocks.COOKIE.equals(cookie.getName()) && unlocks.unlocks(cookie.getValue(), article)) {
                return true;
            }
        }
        return false;
    }
}
