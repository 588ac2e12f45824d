/**
 * The shared web pieces every module's pages use: page head data, the one-form page, dates in
 * Japan time, rendering a module's template as part of another's page, the layout hook.
 */
@org.springframework.modulith.NamedInterface("web")
package jp.kawaraban.platform.web;
