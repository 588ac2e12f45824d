/**
 * The publication's runtime settings: values administrators change without a restart
 * (name, preview length, the free allowance, …), stored in the database and read by every
 * node through a short-lived cache. The modules that use a setting read it here, with their
 * own property as the default; only {@code setup} writes them, audited.
 */
@org.springframework.modulith.NamedInterface("settings")
package jp.kawaraban.platform.settings;
