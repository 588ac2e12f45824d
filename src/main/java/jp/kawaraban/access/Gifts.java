package jp.kawaraban.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jp.kawaraban.access.internal.GiftRepository;
import jp.kawaraban.access.internal.KeptGiftCounts;
import jp.kawaraban.access.internal.GiftRepository.StoredGift;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.platform.web.PublicUrls;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Gift articles (decision 0034): a paid member makes a link that opens one paid article in full
 * for anyone, for {@code kawaraban.access.gift-days} days, up to
 * {@code kawaraban.access.gifts-per-month} a month; sees how often each was opened; revokes it.
 * The link carries a random token (192 bits from {@link SecureRandom}); only its SHA-256 is
 * stored, so the link can be shown only when it is made.
 */
@Service
public class Gifts {

    /** The query parameter of a gift link. */
    public static final String PARAMETER = "gift";
    /** Request attribute: the {@link GiftLook} of this request's gift link, when it has one. */
    public static final String LOOK = Gifts.class.getName() + ".look";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final int TOKEN_BYTES = 24;
    /** Longer than any token we make: anything longer is garbage, not worth hashing. */
    private static final int LONGEST_TOKEN = 64;
    /** The same client opening the same gift again within this window is one open. */
    private static final Duration SAME_READER_WINDOW = Duration.ofMinutes(30);
    private static final int LISTED = 200;

    private final GiftRepository repository;
    private final Entitlements entitlements;
    private final ArticleCatalog catalog;
    private final AccessProperties properties;
    private final PublicUrls urls;
    private final Clock clock;
    private final KeptGiftCounts kept;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();
    private volatile MonthSpan lastMonth = MonthSpan.of(Instant.EPOCH);
    /** Hashes of (gift, client) seen lately: never the client itself, and only in memory. */
    private final Cache<String, Boolean> recentOpens = Caffeine.newBuilder()
            .expireAfterWrite(SAME_READER_WINDOW).maximumSize(100_000).build();

    Gifts(GiftRepository repository, Entitlements entitlements, ArticleCatalog catalog, AccessProperties properties,
          PublicUrls urls, Clock clock, KeptGiftCounts kept, ApplicationEventPublisher events) {
        this.kept = kept;
        this.events = events;
        this.repository = repository;
        this.entitlements = entitlements;
        this.catalog = catalog;
        this.properties = properties;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * Makes a gift link for {@code articleId}.
     *
     * @throws GiftRefusal when the giver is not a paid member, the article is not a published
     *                     paid one, or the month's gifts are used up — nothing stored then
     */
    public GiftLink give(MemberId giver, String articleId) {
        if (giver == null || !entitlements.hasPaidAccess(giver)) {
            throw new GiftRefusal(GiftRefusal.Problem.NOT_A_PAID_MEMBER);
        }
        Article article = published(articleId).orElseThrow(() -> new GiftRefusal(GiftRefusal.Problem.NO_SUCH_ARTICLE));
        if (article.accessLevel() != AccessLevel.PAID) {
            throw new GiftRefusal(GiftRefusal.Problem.NOT_A_PAID_ARTICLE);
        }
        Instant now = clock.instant();
        String month = month(now);
        byte[] token = new byte[TOKEN_BYTES];
        random.nextBytes(token);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        StoredGift gift = new StoredGift(UUID.randomUUID(), giver, article.id().value(), now,
                now.plus(Duration.ofDays(properties.giftDays())), null, 0);
        if (!repository.insertWithinLimit(gift, hash(text), month, properties.giftsPerMonth())) {
            throw new GiftRefusal(GiftRefusal.Problem.MONTHLY_LIMIT, properties.giftsPerMonth());
        }
        events.publishEvent(new GiftsChanged(giver));
        String url = urls.url("/articles/" + article.id().value() + "?" + PARAMETER + "=" + text);
        return new GiftLink(shown(gift, article.headline()), url, gift.expiresAt(), leftThisMonth(giver));
    }

    /** Gifts the member may still make this month (Japan time). */
    public int leftThisMonth(MemberId giver) {
        return Math.max(0, properties.giftsPerMonth() - repository.madeIn(giver, month(clock.instant())));
    }

    /**
     * What the giver's gift button on {@code article} shows: the same figures as
     * {@link #leftThisMonth} and {@link #given(MemberId, ArticleId)}, from memory while no gift
     * of theirs was made, revoked or opened (on any node) and the month has not turned.
     */
    public GiftCounts counts(MemberId giver, ArticleId article) {
        String month = monthOf(clock.instant());
        KeptGiftCounts.MemberGifts gifts = kept.get(giver, month, () -> new KeptGiftCounts.MemberGifts(month,
                repository.madeIn(giver, month), repository.countsByArticle(giver)));
        int[] onArticle = gifts.byArticle().getOrDefault(article.value(), new int[2]);
        return new GiftCounts(Math.max(0, properties.giftsPerMonth() - gifts.madeInMonth()), onArticle[0], onArticle[1]);
    }

    public int perMonth() {
        return properties.giftsPerMonth();
    }

    /** The member's gifts, newest first, with their articles' headlines (null for a withdrawn one). */
    public List<Gift> given(MemberId giver) {
        return withHeadlines(repository.byGiver(giver, LISTED));
    }

    /** The member's gifts of one article, newest first: what the article page shows its giver. */
    public List<Gift> given(MemberId giver, ArticleId article) {
        return withHeadlines(repository.byGiver(giver, article.value()));
    }

    /**
     * Stops the gift opening its article, at once. Revoking a revoked gift changes nothing.
     *
     * @throws GiftRefusal NO_SUCH_GIFT when it is not one of this member's gifts
     */
    public void revoke(MemberId giver, String giftId) {
        UUID id;
        try {
            id = UUID.fromString(giftId == null ? "" : giftId.strip());
        } catch (IllegalArgumentException notAnId) {
            throw new GiftRefusal(GiftRefusal.Problem.NO_SUCH_GIFT);
        }
        if (!repository.revoke(giver, id, clock.instant())) {
            throw new GiftRefusal(GiftRefusal.Problem.NO_SUCH_GIFT);
        }
        events.publishEvent(new GiftsChanged(giver));
    }

    /**
     * What the gift token {@code token} does for {@code article}: opens it, or why not. An
     * opening is counted, once per {@code client} (an opaque key made from the request, never
     * stored) within 30 minutes.
     */
    public GiftLook look(String token, ArticleId article, String client) {
        if (token == null || token.isBlank() || token.length() > LONGEST_TOKEN) {
            return new GiftLook(GiftLook.Outcome.UNKNOWN, null);
        }
        Optional<StoredGift> found = repository.byTokenHash(hash(token.strip()));
        if (found.isEmpty()) {
            return new GiftLook(GiftLook.Outcome.UNKNOWN, null);
        }
        StoredGift gift = found.get();
        if (!gift.articleId().equals(article.value())) {
            return new GiftLook(GiftLook.Outcome.OTHER_ARTICLE, null);
        }
        if (gift.revokedAt() != null) {
            return new GiftLook(GiftLook.Outcome.REVOKED, gift.expiresAt());
        }
        if (!clock.instant().isBefore(gift.expiresAt())) {
            return new GiftLook(GiftLook.Outcome.EXPIRED, gift.expiresAt());
        }
        String seen = HexFormat.of().formatHex(hash(gift.id() + "\n" + client), 0, 16);
        if (recentOpens.asMap().putIfAbsent(seen, Boolean.TRUE) == null) {
            repository.countOpen(gift.id());
            events.publishEvent(new GiftsChanged(gift.giver()));
        }
        return new GiftLook(GiftLook.Outcome.OPEN, gift.expiresAt());
    }

    /**
     * What the gift link of the current request did for the article it asked for, once access
     * has been decided for it; empty when the request carries no gift link.
     */
    public static Optional<GiftLook> lookHere() {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
                && servlet.getRequest().getAttribute(LOOK) instanceof GiftLook look) {
            return Optional.of(look);
        }
        return Optional.empty();
    }

    private Optional<Article> published(String articleId) {
        if (articleId == null || articleId.isBlank() || articleId.length() > 100) {
            return Optional.empty();
        }
        return catalog.find(articleId.strip());
    }

    private List<Gift> withHeadlines(List<StoredGift> gifts) {
        List<ArticleId> ids = gifts.stream().map(g -> new ArticleId(g.articleId())).distinct().toList();
        Map<String, String> headlines = catalog.findAll(ids).stream()
                .collect(Collectors.toMap(a -> a.id().value(), Article::headline, (a, b) -> a));
        return gifts.stream().map(g -> shown(g, headlines.get(g.articleId()))).toList();
    }

    private static Gift shown(StoredGift gift, String headline) {
        return new Gift(gift.id(), gift.articleId(), headline, gift.createdAt(), gift.expiresAt(), gift.revokedAt(),
                gift.opens());
    }

    private static String month(Instant now) {
        return MONTH.format(now.atZone(JAPAN));
    }

    /** The month {@link #counts} last asked for, with its bounds: formatting a date on every paid article page showed in its profile. */
    private record MonthSpan(String month, Instant from, Instant until) {

        static MonthSpan of(Instant now) {
            var start = now.atZone(JAPAN).toLocalDate().withDayOfMonth(1).atStartOfDay(JAPAN);
            return new MonthSpan(Gifts.month(now), start.toInstant(), start.plusMonths(1).toInstant());
        }

        boolean holds(Instant now) {
            return !now.isBefore(from) && now.isBefore(until);
        }
    }

    private String monthOf(Instant now) {
        MonthSpan span = lastMonth;
        if (!span.holds(now)) {
            span = MonthSpan.of(now);
            lastMonth = span;
        }
        return span.month();
    }

    private static byte[] hash(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
