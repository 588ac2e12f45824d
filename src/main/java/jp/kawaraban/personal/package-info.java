/**
 * A member's own reading: follows (series, columns, keywords, entities) and the My News feed
 * they make, with unread marks; saved articles and saved figures. Tags each article on its
 * events ({@code ArticlePublished}, {@code ArticleUpdated}, {@code ArticleWithdrawn}) so the
 * feed is a query of a member's follows against those tags. Access is decided by
 * {@code access}: callers ask {@code Entitlements.mayUse} before calling in here.
 */
package jp.kawaraban.personal;
