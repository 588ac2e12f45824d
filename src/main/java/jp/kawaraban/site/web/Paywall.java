package jp.kawaraban.site.web;

import jp.kawaraban.access.Campaign;
import jp.kawaraban.access.ReadingAccess;

/**
 * The box that ends a preview: what the reader is missing and the ways in. Built only for
 * readers who see a preview.
 *
 * @param gate       log in (members-only article) or subscribe (paid article)
 * @param loggedIn   whether the reader is a member already (then no log-in link)
 * @param loginUrl   the log-in page, coming back to this article afterwards
 * @param trialOffer an open campaign's trial, or null
 * @param allowanceUsed a free member who has used this month's paid articles
 * @param monthlyAllowance paid articles a free member may open each month
 */
public record Paywall(ReadingAccess.Gate gate, boolean loggedIn, String loginUrl, Campaign trialOffer,
                      boolean allowanceUsed, int monthlyAllowance) {

    public boolean membersOnly() {
        return gate == ReadingAccess.Gate.LOG_IN;
    }
}
