/**
 * The shared web pieces every module's pages use: page head data, the one-form page, dates in
 * Japan time, rendering a module's template as part of another's page, the layout hook, and
 * the check that text from outside is typed text ({@code TypedText}, refused at the edge).
 */
@org.springframework.modulith.NamedInterface("web")
package jp.kawaraban.platform.web;
