package jp.kawaraban.access;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jp.kawaraban.access.internal.AccessRepository;
import jp.kawaraban.article.AccessLevel;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.member.Role;
import jp.kawaraban.platform.settings.Setting;
import jp.kawaraban.platform.settings.Settings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one place that decides what a reader may read and do. Every path an article's text
 * can leave by asks here; nothing else compares access levels or subscription states.
 */
@Service
public class Entitlements {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** Request attribute (with the member id appended): whether that member has paid access, read once per request. */
    private static final String PAID_ACCESS = Entitlements.class.getName() + ".paidAccess.";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final AccessRepository repository;
    private final AccessProperties properties;
    private final Clock clock;
    private final ObjectProvider<ArticleUnlock> unlocks;
    private final Accounts accounts;
    private final Settings settings;

    Entitlements(AccessRepository repository, AccessProperties properties, Clock clock,
                 ObjectProvider<ArticleUnlock> unlocks, Accounts accounts, Settings settings) {
        this.settings = settings;
        this.accounts = accounts;
        this.unlocks = unlocks;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Whether {@code reader} may read this article in full now. Counts nothing: a free member
     * reads a paid article in full only once they have spent an allowance on it this month
     * ({@link #useAllowance}); until then they are refused with the allowance left, which the
     * page offers to use (decision 0035).
     */
    public ReadingAccess toRead(Reader reader, ArticleId article, AccessLevel level) {
        if (level.isFree() || reader.isStaff()) {
            return ReadingAccess.granted();
        }
        if (reader.isAnonymous()) {
            return ReadingAccess.refused(level == AccessLevel.MEMBERS ? ReadingAccess.Gate.LOG_IN
                    : ReadingAccess.Gate.SUBSCRIBE, -1);
        }
        if (level == AccessLevel.MEMBERS || hasPaidAccess(reader.member())) {
            return ReadingAccess.granted();
        }
        return unlockedThisMonth(reader.member(), article);
    }

    /**
     * A free member spends one of the month's paid articles on this one, having asked to (a
     * POST from the paywall, or the API's unlock). Opening it again this month costs nothing
     * more; a reader who may read it anyway spends nothing. Five tabs asking at once spend one
     * allowance between them (the meter counts a member's month under a lock).
     *
     * @throws ActionRefusedException {@code LOG_IN} for an anonymous reader, {@code ALLOWANCE_USED}
     *                                when the month's allowance is spent on other articles
     */
    public ReadingAccess useAllowance(Reader reader, ArticleId article, AccessLevel level) {
        ReadingAccess now = toRead(reader, article, level);
        if (now.full()) {
            return now;
        }
        if (reader.isAnonymous()) {
            throw new ActionRefusedException(ActionAccess.Refusal.LOG_IN);
        }
        Instant at = clock.instant();
        String month = month(at);
        int allowance = monthlyAllowance();
        if (repository.open(reader.member(), month, article.value(), allowance, at)) {
            return ReadingAccess.grantedFromAllowance(Math.max(0, allowance - repository.openedCount(reader.member(), month)));
        }
        throw new ActionRefusedException(ActionAccess.Refusal.ALLOWANCE_USED);
    }

    /**
     * As {@link #toRead(Reader, ArticleId, AccessLevel)} for the reader of the current request,
     * whose browser may carry an unlock of this article ({@link ArticleUnlock}, checked by the
     * module that issued it): that article is then read in full without using an allowance.
     */
    public ReadingAccess toReadHere(Reader reader, ArticleId article, AccessLevel level) {
        if (!level.isFree() && unlocks.orderedStream().anyMatch(unlock -> unlock.unlocksHere(article))) {
            return ReadingAccess.unlocked(); // that article, and only that one, without an allowance
        }
        return toRead(reader, article, level);
    }

    /**
     * The same decision without counting anything: for paths that send text to readers who
     * are not identified per request (feeds, sitemaps, search snippets) — they get what an
     * anonymous reader gets unless the reader is entitled outright.
     */
    public boolean mayReadWithoutAllowance(Reader reader, AccessLevel level) {
        if (level.isFree() || reader.isStaff()) {
            return true;
        }
        if (reader.isAnonymous()) {
            return false;
        }
        return level == AccessLevel.MEMBERS || hasPaidAccess(reader.member());
    }

    public ActionAccess mayUse(Reader reader, Action action) {
        if (reader.isAnonymous()) {
            return ActionAccess.refuse(ActionAccess.Refusal.LOG_IN);
        }
        return switch (action) {
            case READ_COMMENTARY -> ActionAccess.allow();
            case WRITE_COMMENTARY -> reader.roles().contains(Role.EXPERT) ? ActionAccess.allow()
                    : ActionAccess.refuse(ActionAccess.Refusal.NOT_PERMITTED);
            case FOLLOW, SAVE_ARTICLE, SAVE_FIGURE -> reader.isStaff() || hasPaidAccess(reader.member())
                    ? ActionAccess.allow() : ActionAccess.refuse(ActionAccess.Refusal.PAID_ONLY);
        };
    }

    /**
     * As {@link #mayUse(Reader, Action)} for a member known only by id, with the roles their
     * account has now: for facades that act on a member's behalf and check for themselves,
     * whoever calls them.
     *
     * @throws ActionRefusedException when the member may not
     */
    public void require(MemberId member, Action action) {
        Reader reader = member == null ? Reader.anonymous()
                : accounts.find(member).map(m -> new Reader(m.id(), m.roles())).orElse(Reader.anonymous());
        ActionAccess access = mayUse(reader, action);
        if (!access.allowed()) {
            throw new ActionRefusedException(access.refusal());
        }
    }

    /**
     * Whether the member's subscription or trial gives paid access right now. A page asks this
     * several times (to read, to follow, to save, to keep figures): within one GET request it
     * is read once and remembered for the rest of that request. A request that may change the
     * subscription (POST, webhooks) reads it every time.
     */
    public boolean hasPaidAccess(MemberId member) {
        HttpServletRequest request = readingRequest();
        String key = PAID_ACCESS + member.value();
        if (request != null && request.getAttribute(key) instanceof Boolean known) {
            return known;
        }
        Instant now = clock.instant();
        boolean paid = repository.subscription(member).map(s -> s.subscription().givesPaidAccess(now)).orElse(false);
        if (request != null) {
            request.setAttribute(key, paid);
        }
        return paid;
    }

    /**
     * Until when the member has paid access, read from the database now (not the request's
     * remembered answer): empty without paid access, {@link Instant#MAX} when no clock time ends
     * it. For what keeps a member's state beyond one request: it must stop at that instant.
     */
    public Optional<Instant> paidAccessUntil(MemberId member) {
        Instant now = clock.instant();
        return repository.subscription(member).map(AccessRepository.Stored::subscription)
                .filter(s -> s.givesPaidAccess(now))
                .map(s -> s.paidAccessEnds() == null ? Instant.MAX : s.paidAccessEnds());
    }

    /** The current request when it is one that only reads (GET, HEAD), else null. */
    private static HttpServletRequest readingRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            String method = request.getMethod();
            return "GET".equals(method) || "HEAD".equals(method) ? request : null;
        }
        return null;
    }

    /** What the account page shows: plan, trial end, renewal, and the month's allowance. */
    public Membership membership(MemberId member) {
        Instant now = clock.instant();
        Optional<Subscription> subscription = repository.subscription(member).map(AccessRepository.Stored::subscription);
        boolean paid = subscription.map(s -> s.givesPaidAccess(now)).orElse(false);
        int allowance = monthlyAllowance();
        int left = paid ? -1 : Math.max(0, allowance - repository.openedCount(member, month(now)));
        return new Membership(subscription.orElse(null), paid, left, allowance);
    }

    /** In full when the member spent an allowance on this article this month; else refused, with what is left to spend. */
    private ReadingAccess unlockedThisMonth(MemberId member, ArticleId article) {
        String month = month(clock.instant());
        int left = Math.max(0, monthlyAllowance() - repository.openedCount(member, month));
        if (repository.alreadyOpened(member, month, article.value())) {
            return ReadingAccess.grantedFromAllowance(left);
        }
        return ReadingAccess.refused(ReadingAccess.Gate.SUBSCRIBE, left);
    }

    /**
     * Paid articles a free member may open in full each month: the runtime setting when an
     * administrator changed it, else {@code kawaraban.access.free-monthly-paid-articles}.
     */
    public int monthlyAllowance() {
        return settings.number(Setting.FREE_MONTHLY_PAID_ARTICLES, properties.freeMonthlyPaidArticles());
    }

    private static String month(Instant now) {
        return MONTH.format(now.atZone(JAPAN));
    }
}
