/**
 * The publication itself: its first start and its runtime settings. {@link jp.kawaraban.setup.PublicationSetup}
 * turns an empty installation into a newspaper (name, public address, the first
 * administrator, starter sections, the newsletters' postal address), once, from the
 * {@code setup} command or the {@code /setup} page; {@link jp.kawaraban.setup.RuntimeSettings}
 * changes what administrators may change while the site runs, audited. The values are kept
 * by {@code platform.settings}, where every module reads them.
 * <p>
 * Its pages ({@code setup.web}): {@code /setup} while no administrator exists (from this
 * machine, or with the one-time code in the log), {@code /admin} and {@code /admin/settings}
 * (administrators only, by the security chain), and the operator's {@code /operator/setup}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "article", "editorial", "member", "newsletter", "platform",
        "platform::settings", "platform::web", "site"})
package jp.kawaraban.setup;
