/**
 * Experts' commentary on articles: experts' profiles (name, title, bio, initials), writing,
 * editing and deleting one's own commentary, editors hiding one with a reason. Who may read
 * or write is decided by {@code access} ({@code READ_COMMENTARY}, {@code WRITE_COMMENTARY});
 * whether an article is still published by {@code article}.
 * {@link jp.kawaraban.commentary.Commentaries} is the facade.
 * <p>
 * Its pages and API are in {@code commentary.web}: 「専門家の見方」 under the article (through the
 * site's extension point) and the forms it posts, the expert's own profile form
 * ({@code /my/expert-profile}), the public profile page {@code /experts/{id}}, the editors' list
 * {@code /editor/commentary} where commentary is hidden and shown again, and the read-only JSON
 * API ({@code /api/v1/articles/{id}/commentary}, {@code /api/v1/experts/{id}}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "article", "member", "platform", "platform::web", "site"})
package jp.kawaraban.commentary;
