/**
 * A member's own reading: follows (series, columns, keywords, entities) and the My News feed
 * they make, with unread marks; saved articles and saved figures. Tags each article with what
 * search found in it ({@code search.ArticleAnalysed}) and drops its tags when it is withdrawn
 * ({@code ArticleWithdrawn}), so the feed is a query of a member's follows against those tags
 * (decision 0008). Access is decided by
 * {@code access}: callers ask {@code Entitlements.mayUse} before calling in here.
 * <p>
 * Its pages and API are in {@code personal.web}: the follow and save buttons (on the article
 * page and its figures, and in the heading of series, keyword and entity pages, through the
 * site's extension points), the buttons' answers ({@code /follows}, {@code /saves/**}), the
 * member's pages {@code /my/news}, {@code /my/follows}, {@code /my/saved} and
 * {@code /my/figures}, and the same as JSON under {@code /api/v1/my/**}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "article", "member", "platform", "platform::web", "search", "site", "text"})
package jp.kawaraban.personal;
