package jp.kawaraban.access.internal;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import jp.kawaraban.access.GiftsChanged;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.platform.FromAnotherNode;
import jp.kawaraban.platform.KeptPerKey;
import jp.kawaraban.platform.NodeEventsMissed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A member's gift counts kept in memory: every paid article page a paid member opens shows their
 * gift button, and reading the counts there was two round trips to PostgreSQL per page
 * (docs/benchmarks.md, run 10). Loaded whole (the month's gifts, and per article the gifts and
 * opens) on the first page, forgotten on every node after the commit of a gift made, revoked or
 * opened ({@link GiftsChanged}), when the month (Japan time) turns, and after {@code maxAge} at
 * the latest. Bounded to {@code maxMembers} members.
 * <p>
 * It decides nothing: making a gift still counts the month's gifts in PostgreSQL under a lock.
 */
@Component
public class KeptGiftCounts {

    /** @param byArticle per article id: {gifts made, opens of them all} */
    public record MemberGifts(String month, int madeInMonth, Map<String, int[]> byArticle) {
    }

    private final KeptPerKey<MemberId, MemberGifts> kept;

    KeptGiftCounts(@Value("${kawaraban.access.kept-gift-members:10000}") long maxMembers,
                   @Value("${kawaraban.access.kept-gifts-max-age:60s}") Duration maxAge) {
        this.kept = new KeptPerKey<>(maxMembers, maxAge);
    }

    /** The member's counts for {@code month}, from memory when kept for that month, else {@code load}ed. */
    public MemberGifts get(MemberId member, String month, Supplier<MemberGifts> load) {
        return kept.get(member, gifts -> gifts.month().equals(month), load);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(GiftsChanged changed) {
        kept.drop(changed.giver());
    }

    @EventListener
    void on(FromAnotherNode<GiftsChanged> changedElsewhere) {
        kept.drop(changedElsewhere.event().giver());
    }

    @EventListener
    void on(NodeEventsMissed missed) {
        kept.dropAll();
    }
}
