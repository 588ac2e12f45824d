/**
 * A member's own reading: follows (series, columns, keywords, entities) and the My News feed
 * they make, with unread marks; saved articles and saved figures. Tags each article with what
 * search found in it ({@code search.ArticleAnalysed}) and drops its tags when it is withdrawn
 * ({@code ArticleWithdrawn}), so the feed is a query of a member's follows against those tags
 * (decision 0008). Access is decided by
 * {@code access}: callers ask {@code Entitlements.mayUse} before calling in here.
 */
package jp.kawaraban.personal;
