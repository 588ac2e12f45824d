/**
 * Newsletters: the lists and their schedule, sign-up with double opt-in and a consent trail,
 * unsubscribe (one click, RFC 8058) and the manage page reached by a signed link, issues and
 * their delivery through an outbox, bounces and suppression, and the email unlock of
 * eligible articles. Decides nothing about who may read what: that is {@code access}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "article", "member", "platform", "search"})
package jp.kawaraban.newsletter;
