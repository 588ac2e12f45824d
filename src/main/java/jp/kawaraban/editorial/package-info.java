/**
 * The editors' desk: writing and revising articles through their workflow (draft,
 * scheduled, published, updated, corrected, withdrawn), figures, related picks, keyword and
 * entity proposals, sections, series and the entity vocabulary, imports of partner pages,
 * and the audit log of every change. Articles themselves are stored by {@code article}
 * (through {@link jp.kawaraban.article.ArticleDesk}).
 *
 * <p>Its pages live in {@code editorial.web}: the desk under {@code /editor} (articles and
 * their revisions, imports, figures, sections, series, entities, keywords, the audit log;
 * editors only, by the security chain), the multipart limits of uploads, the operator's
 * {@code /operator/import} for the {@code import} command, and the newsletter desk's
 * email-unlock switch ({@code newsletter}'s {@link jp.kawaraban.newsletter.EmailUnlockMarking}),
 * made through {@link jp.kawaraban.editorial.EditorsDesk} so that it is audited. Templates are
 * in {@code src/main/jte/editorial}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"article", "member", "newsletter", "platform", "platform::settings", "platform::web", "search", "text"})
package jp.kawaraban.editorial;
