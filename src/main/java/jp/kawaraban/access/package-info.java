/**
 * Who may read or do what: plans, campaigns and trials, subscriptions and their audit trail,
 * the free members' monthly allowance of paid articles, and the rules for actions such as
 * following or saving. The only place that decides access ({@link jp.kawaraban.access.Entitlements}).
 * <p>
 * Plans' terms are in the database ({@link jp.kawaraban.access.Plans}); a subscription keeps the
 * price it was agreed at. Administrators' pages ({@code access.web}): {@code /admin/plans}
 * (plans and campaigns) and {@code /admin/members} (the customer desk,
 * {@link jp.kawaraban.access.SubscriptionDesk}); their changes are audited through
 * {@link jp.kawaraban.platform.Audited} (docs/decisions/0024).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"article", "member", "platform", "platform::mail", "platform::settings", "platform::web"})
package jp.kawaraban.access;
