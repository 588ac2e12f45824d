package jp.kawaraban.access.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.kawaraban.access.ActionAccess;
import jp.kawaraban.access.ActionRefusedException;
import jp.kawaraban.access.Gift;
import jp.kawaraban.access.GiftLink;
import jp.kawaraban.access.Gifts;
import jp.kawaraban.member.MemberPrincipal;
import jp.kawaraban.platform.web.JapaneseDates;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gift links as JSON for the apps (decision 0034), with the session and CSRF token as for the
 * other {@code /api/v1/my/} calls. Refusals are problem details like the API's others:
 * {@code LOG_IN} (403), {@code NOT_A_PAID_MEMBER} (403), {@code NOT_A_PAID_ARTICLE} (400),
 * {@code NO_SUCH_ARTICLE} (404), {@code MONTHLY_LIMIT} (409), {@code NO_SUCH_GIFT} (404).
 */
@RestController
@Tag(name = "gifts", description = "A paid member's gift links: one paid article, open to anyone for some days")
class GiftApiController {

    private final Gifts gifts;

    GiftApiController(Gifts gifts) {
        this.gifts = gifts;
    }

    record GiftRequest(String articleId) {
    }

    record MadeJson(String url, String expiresAt, String articleId, String id, int leftThisMonth) {
    }

    record GiftJson(String id, String articleId, String headline, String createdAt, String expiresAt, boolean revoked,
                    int opens) {
        static GiftJson of(Gift gift) {
            return new GiftJson(gift.id().toString(), gift.articleId(), gift.headline(), JapaneseDates.iso(gift.createdAt()),
                    JapaneseDates.iso(gift.expiresAt()), gift.revoked(), gift.opens());
        }
    }

    record GiftsJson(List<GiftJson> items, int leftThisMonth) {
    }

    @Operation(summary = "Make a gift link for a paid article: the link opens it in full for anyone until expiresAt")
    @PostMapping(path = "/api/v1/my/gifts", produces = "application/json")
    ResponseEntity<MadeJson> give(@AuthenticationPrincipal MemberPrincipal member, @RequestBody(required = false) GiftRequest body) {
        GiftLink made = gifts.give(signedIn(member).id(), body == null ? null : body.articleId());
        return ResponseEntity.status(HttpStatus.CREATED).body(new MadeJson(made.url(), JapaneseDates.iso(made.expiresAt()),
                made.gift().articleId(), made.gift().id().toString(), made.leftThisMonth()));
    }

    @Operation(summary = "My gift links, newest first, with how often each was opened (the links themselves are shown only when made)")
    @GetMapping(path = "/api/v1/my/gifts", produces = "application/json")
    GiftsJson given(@AuthenticationPrincipal MemberPrincipal member) {
        var id = signedIn(member).id();
        return new GiftsJson(gifts.given(id).stream().map(GiftJson::of).toList(), gifts.leftThisMonth(id));
    }

    @Operation(summary = "Revoke one of my gift links: it stops opening its article at once")
    @DeleteMapping("/api/v1/my/gifts/{giftId}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal MemberPrincipal member, @PathVariable String giftId) {
        gifts.revoke(signedIn(member).id(), giftId);
        return ResponseEntity.noContent().build();
    }

    private static MemberPrincipal signedIn(MemberPrincipal member) {
        if (member == null) {
            throw new ActionRefusedException(ActionAccess.Refusal.LOG_IN);
        }
        return member;
    }
}
