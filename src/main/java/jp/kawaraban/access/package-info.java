/**
 * Who may read or do what: plans, campaigns and trials, subscriptions and their audit trail,
 * the free members' monthly allowance of paid articles, and the rules for actions such as
 * following or saving. The only place that decides access ({@link jp.kawaraban.access.Entitlements}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"article", "member", "platform", "platform::settings"})
package jp.kawaraban.access;
