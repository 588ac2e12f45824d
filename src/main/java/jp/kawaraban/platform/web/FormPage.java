package jp.kawaraban.platform.web;

import java.util.List;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * A small page with one form (log-in, sign-up, password reset, confirmations) or, without
 * fields, a notice. One template renders them all ({@link FormPages}), so they look and behave alike.
 *
 * @param notice   a message shown above the form, or null
 * @param error    whether the notice reports a problem (shown as an alert)
 * @param action   where the form posts, or null for a notice without a form
 */
public record FormPage(String title, String intro, String notice, boolean error, String action, List<Field> fields,
                       String submit, List<Link> links, CsrfToken csrf) {

    /** An input. {@code type} is an HTML input type; {@code hidden} fields are not shown. */
    public record Field(String name, String label, String type, String value, String autocomplete, String hint) {

        public static Field hidden(String name, String value) {
            return new Field(name, null, "hidden", value, null, null);
        }
    }

    public record Link(String href, String label) {
    }

    public static FormPage notice(String title, String notice, boolean error, List<Link> links) {
        return new FormPage(title, null, notice, error, null, List.of(), null, links, null);
    }
}
