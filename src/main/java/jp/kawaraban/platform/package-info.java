/**
 * Shared infrastructure only: the embedded database, the clock, the data directory, mail,
 * server-side templating and the one refusal type. Holds no business rules. Closed: other
 * modules use its root package and the named interfaces {@code web}, {@code mail} and
 * {@code operator}, never its internals.
 * <p>
 * What it serves itself: {@code /dev/mail} ({@code platform.mail.web}), the mails the local
 * mailbox kept when no SMTP server is configured, in demo mode only; and the one-form page
 * ({@code platform/form.jte}, {@link jp.kawaraban.platform.web.FormPages}) every module's
 * log-in, confirmation and notice pages share.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.CLOSED)
package jp.kawaraban.platform;
