package jp.kawaraban.access;

import java.time.Instant;

/**
 * A gift just made: the only time its address is known, since only the token's hash is kept.
 *
 * @param url       the absolute address that opens the article ({@code /articles/<id>?gift=<token>})
 * @param expiresAt when it stops opening the article
 * @param leftThisMonth gifts the giver may still make this month
 */
public record GiftLink(Gift gift, String url, Instant expiresAt, int leftThisMonth) implements java.io.Serializable {
}
