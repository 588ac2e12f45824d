package jp.kawaraban.site.web;

import java.util.List;

import gg.jte.Content;
import jp.kawaraban.access.Campaign;
import jp.kawaraban.access.ReadingAccess;
import jp.kawaraban.platform.web.LocalPaths;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The box that ends a preview: what the reader is missing and the ways in that apply to this
 * reader, each leading back to this article (decision 0035). Built only for readers who see a
 * preview.
 *
 * @param gate             log in (members-only article) or subscribe (paid article)
 * @param articlePath      this article's page, where every way in comes back to
 * @param loggedIn         whether the reader is a member already (then no log-in or sign-up link)
 * @param trialOffer       a trial this reader could start now, or null (none open, taken, or paid already)
 * @param allowanceLeft    a free member's paid articles left this month (0 when spent); -1 when none applies
 * @param monthlyAllowance paid articles a free member may open each month
 * @param csrf             the token of a member's forms (trial, allowance); null for anonymous readers,
 *                         whose box has links only, so the page stays cacheable
 * @param otherWays        other modules' ways to read this article (the newsletter's email unlock)
 */
public record Paywall(ReadingAccess.Gate gate, String articlePath, boolean loggedIn, Campaign trialOffer,
                      int allowanceLeft, int monthlyAllowance, CsrfToken csrf, List<Content> otherWays) {

    public boolean membersOnly() {
        return gate == ReadingAccess.Gate.LOG_IN;
    }

    /** A free member who has read this month's paid articles. */
    public boolean allowanceUsed() {
        return loggedIn && gate == ReadingAccess.Gate.SUBSCRIBE && allowanceLeft == 0;
    }

    /** A free member who may spend one of this month's paid articles here, by pressing the button. */
    public boolean mayUseAllowance() {
        return loggedIn && gate == ReadingAccess.Gate.SUBSCRIBE && allowanceLeft > 0;
    }

    /** Where the allowance button posts. */
    public String allowanceAction() {
        return articlePath + "/allowance";
    }

    public String loginUrl() {
        return "/login" + nextQuery(articlePath);
    }

    public String signupUrl() {
        return "/signup" + nextQuery(articlePath);
    }

    /** {@code ?next=<path>}, the way the log-in and sign-up pages are told where to come back to. */
    private static String nextQuery(String path) {
        return LocalPaths.nextParameter(path).replaceFirst("^&", "?");
    }
}
