package jp.kawaraban.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.newsletter.internal.NewsletterMail;
import jp.kawaraban.newsletter.internal.NewsletterRepository;
import jp.kawaraban.newsletter.internal.SignedTokens;
import jp.kawaraban.platform.mail.MailNotSentException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The email unlock of an eligible article: an anonymous reader leaves an address, receives a
 * one-use link (a GET shows a button; only the POST uses it, so mail scanners do not), and the
 * browser that presses it gets a signed cookie naming that one article. Whether the cookie
 * lets the text through is still decided by {@code access} ({@code Entitlements}); this class
 * only says whether the cookie is genuine, unexpired, for this article, and the article still
 * eligible. See docs/decisions/0010-email-unlock.md.
 */
@Service
public class EmailUnlocks {

    /** The cookie, scoped by path to the one article it names. */
    public static final String COOKIE = "KAWARABAN_UNLOCK";
    static final String UNLOCK = "UNLOCK";
    /**
     * The signed cookie says {@code u:<article>:<marking>:<expiry in epoch seconds>}. (The
     * first cookies, {@code a:<article>:<expiry>}, named no marking; they open nothing now.)
     */
    private static final String COOKIE_PAYLOAD = "u:";

    private final NewsletterRepository repository;
    private final NewsletterMail mail;
    private final SignedTokens signed;
    private final ArticleCatalog catalog;
    private final NewsletterProperties properties;
    private final Clock clock;

    EmailUnlocks(NewsletterRepository repository, NewsletterMail mail, SignedTokens signed, ArticleCatalog catalog,
                 NewsletterProperties properties, Clock clock) {
        this.repository = repository;
        this.mail = mail;
        this.signed = signed;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    public enum Outcome { SENT, NOT_ELIGIBLE, INVALID_EMAIL, THROTTLED, FAILED }

    /** A used link: the article, and the cookie that opens it in this browser. */
    public record Unlock(ArticleId article, String cookieValue, long maxAgeSeconds) {

        public String cookiePath() {
            return "/articles/" + article.value();
        }
    }

    public boolean isEligible(ArticleId article) {
        return repository.isEligible(article.value());
    }

    /**
     * Marks or unmarks an article; unknown articles are refused. Editors' changes come here
     * through the editors' desk ({@code EditorsDesk.setEmailUnlock}), which audits them.
     */
    @Transactional
    public boolean setEligible(String article, boolean eligible) {
        if (article == null || !ArticleId.isWellFormed(article.strip()) || catalog.find(article.strip()).isEmpty()) {
            return false;
        }
        repository.setEligible(article.strip(), eligible, clock.instant());
        return true;
    }

    public List<String> eligibleArticles() {
        return repository.eligible();
    }

    /** Mails the unlock link for an eligible article. Nothing about subscriptions shows in the answer. */
    @Transactional
    public Outcome request(String email, ArticleId article) {
        if (!Newsletters.isPlausible(email)) {
            return Outcome.INVALID_EMAIL;
        }
        var found = catalog.find(article.value());
        Optional<Long> marking = repository.unlockMarking(article.value());
        if (found.isEmpty() || found.get().accessLevel().isFree() || marking.isEmpty()) {
            return Outcome.NOT_ELIGIBLE;
        }
        String normalised = Newsletters.normalise(email);
        Instant now = clock.instant();
        if (repository.linksSince(normalised, now.minusSeconds(3600)) >= properties.confirmMailsPerHour() + 1) {
            return Outcome.THROTTLED;
        }
        String token = SignedTokens.random();
        repository.insertUnlockLink(SignedTokens.hash(token), UNLOCK, normalised, article.value(), marking.get(), now,
                now.plus(properties.unlockLinkLifetime()));
        try {
            mail.unlock(normalised, found.get().headline(), token, properties.unlockLinkLifetime().toHours());
        } catch (MailNotSentException failed) {
            throw new Newsletters.SignUpFailedException(failed);
        }
        return Outcome.SENT;
    }

    /** The article a link would unlock, while it can still be used. */
    public Optional<ArticleId> linkTarget(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return repository.usableLink(SignedTokens.hash(token), UNLOCK, clock.instant())
                .map(link -> new ArticleId(link.article()));
    }

    /** Uses the link: returns the cookie for this browser. */
    @Transactional
    public Optional<Unlock> use(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return repository.useLink(SignedTokens.hash(token), UNLOCK, now)
                .filter(link -> link.unlockMarking() != null
                        && repository.unlockMarking(link.article()).filter(link.unlockMarking()::equals).isPresent())
                .map(link -> {
                    Instant until = now.plus(properties.unlockLifetime());
                    String value = signed.sign(COOKIE_PAYLOAD + link.article() + ":" + link.unlockMarking() + ":"
                            + until.getEpochSecond());
                    return new Unlock(new ArticleId(link.article()), value, properties.unlockLifetime().toSeconds());
                });
    }

    /**
     * Whether a cookie value is a genuine, unexpired unlock of exactly this article, issued
     * under the marking that stands now: an unlock from before the article was unmarked (and
     * perhaps marked again) opens nothing.
     */
    public boolean unlocks(String cookieValue, ArticleId article) {
        if (cookieValue == null || cookieValue.isBlank()) {
            return false;
        }
        return signed.verify(cookieValue).filter(payload -> payload.startsWith(COOKIE_PAYLOAD)).map(payload -> {
            String[] parts = payload.substring(COOKIE_PAYLOAD.length()).split(":", -1);
            if (parts.length != 3 || !parts[0].equals(article.value())) {
                return false;
            }
            long marking;
            long until;
            try {
                marking = Long.parseLong(parts[1]);
                until = Long.parseLong(parts[2]);
            } catch (NumberFormatException malformed) {
                return false;
            }
            return clock.instant().getEpochSecond() < until
                    && repository.unlockMarking(article.value()).filter(current -> current == marking).isPresent();
        }).orElse(false);
    }
}
