package jp.kawaraban.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.access.ArticleUnlock;
import jp.kawaraban.access.GiftLook;
import jp.kawaraban.access.Gifts;
import jp.kawaraban.article.ArticleId;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A gift link as {@code access} asks for it: the request's {@code gift} parameter is a live
 * gift of this very article, and the request is for the article's own pages (the page and its
 * print view). Elsewhere — the JSON API, another article's address — the token opens nothing.
 * What the link did is left on the request ({@link Gifts#lookHere()}) for the page to explain.
 */
@Component
class GiftUnlock implements ArticleUnlock {

    private final Gifts gifts;

    GiftUnlock(Gifts gifts) {
        this.gifts = gifts;
    }

    @Override
    public boolean unlocksHere(ArticleId article) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet)) {
            return false;
        }
        HttpServletRequest request = servlet.getRequest();
        String token = request.getParameter(Gifts.PARAMETER);
        if (token == null || !onTheArticlesPages(request, article)) {
            return false;
        }
        GiftLook look = gifts.look(token, article, client(request));
        request.setAttribute(Gifts.LOOK, look);
        return look.opens();
    }

    /** The client as far as counting opens goes; hashed by {@link Gifts} before it is kept, and kept in memory only. */
    private static String client(HttpServletRequest request) {
        return request.getRemoteAddr() + "\n" + request.getHeader("User-Agent");
    }

    private static boolean onTheArticlesPages(HttpServletRequest request, ArticleId article) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String page = "/articles/" + article.value();
        return path.equals(page) || path.equals(page + "/print");
    }
}
