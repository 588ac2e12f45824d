/**
 * Newsletters: the lists and their schedule, sign-up with double opt-in and a consent trail,
 * unsubscribe (one click, RFC 8058) and the manage page reached by a signed link, issues and
 * their delivery through an outbox, bounces and suppression, and the email unlock of
 * eligible articles. Decides nothing about who may read what: that is {@code access}.
 * <p>
 * Its reader pages ({@code newsletter.web}): {@code /newsletters} and each newsletter's page
 * with the sign-up form, the confirmation, unsubscribe, manage and unlock pages reached from
 * mails, the form of the sign-up box at the end of an article, the newsletter section of the
 * member's account page, the bounce webhook and the email unlock cookie; and the editors'
 * newsletter desk ({@code /editor/newsletters}: compose, preview, test, schedule, send).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "article", "member", "platform", "platform::mail", "platform::settings", "platform::web", "search", "site"})
package jp.kawaraban.newsletter;
