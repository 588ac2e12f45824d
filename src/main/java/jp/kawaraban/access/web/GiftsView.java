package jp.kawaraban.access.web;

import java.time.Instant;
import java.util.List;

import jp.kawaraban.access.Gift;
import jp.kawaraban.access.GiftLink;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What {@code /my/gifts} shows.
 *
 * @param made   the link just made, shown once; or null
 * @param left   gifts left this month; -1 for a member without paid access (who may still revoke)
 * @param notice a line above the list (a refusal when {@code error}), or null
 */
public record GiftsView(List<Gift> gifts, GiftLink made, int left, int perMonth, String notice, boolean error,
                        Instant now, CsrfToken csrf) {

    public boolean maySend() {
        return left >= 0;
    }

    /** 「有効」「期限切れ」「取り消し済み」「記事の掲載終了」: the gift's state in a word. */
    public String stateKey(Gift gift) {
        if (gift.revoked()) {
            return "access.gift.state.revoked";
        }
        if (gift.headline() == null) {
            return "access.gift.state.withdrawn";
        }
        return gift.expired(now) ? "access.gift.state.expired" : "access.gift.state.open";
    }
}
