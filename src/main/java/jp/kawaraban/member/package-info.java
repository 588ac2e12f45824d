/**
 * Accounts: sign-up with email verification, log-in and log-out (also of every device),
 * "remember this device", password reset, change of email, export and deletion, roles.
 * Sessions live in PostgreSQL (Spring Session JDBC) so any node serves any member. Decides
 * nothing about what a member may read: that is {@code access}.
 */
package jp.kawaraban.member;
