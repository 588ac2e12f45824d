/**
 * Accounts: sign-up with email verification, log-in and log-out (also of every device),
 * "remember this device", password reset, change of email, export and deletion, roles.
 * Sessions live in PostgreSQL (Spring Session JDBC) so any node serves any member. Decides
 * nothing about what a member may read: that is {@code access}.
 * <p>
 * Its pages ({@code member.web}): log-in, sign-up and its verification, password reset, and
 * the member's own page {@code /my/account} with devices, change of email, export and
 * deletion. Other modules add their sections to that page (the plan, newsletters) through
 * {@link jp.kawaraban.member.AccountPageExtension}, so {@code member} depends on none of them.
 * <p>
 * Administrators manage the staff at {@code /admin/staff} ({@link jp.kawaraban.member.Staff}:
 * invitations, roles, disabled accounts; others add to each row through
 * {@link jp.kawaraban.member.StaffPageExtension}); the customer desk's account look-ups are
 * {@link jp.kawaraban.member.CustomerDesk}. Their changes are audited by publishing
 * {@link jp.kawaraban.platform.Audited} (docs/decisions/0024).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "platform::mail", "platform::operator", "platform::web"})
package jp.kawaraban.member;
