package jp.kawaraban.platform;

/**
 * Whether this installation shows the demo edition (sample articles, later demo accounts).
 * Demo content never appears unless this says so.
 */
public record DemoMode(boolean enabled) {
}
