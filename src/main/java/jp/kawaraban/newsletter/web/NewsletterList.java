package jp.kawaraban.newsletter.web;

import jp.kawaraban.newsletter.AddressSubscriptions;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * An address's newsletters with a button each: on the manage page (reached by the signed
 * {@code token}) and on the account page ({@code token} null).
 */
public record NewsletterList(AddressSubscriptions subscriptions, String action, String token, String notice,
                             boolean error, CsrfToken csrf) {
}
