package jp.kawaraban.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.kawaraban.member.MemberId;
import jp.kawaraban.newsletter.internal.NewsletterMail;
import jp.kawaraban.newsletter.internal.NewsletterRepository;
import jp.kawaraban.newsletter.internal.Payloads;
import jp.kawaraban.newsletter.internal.SignedTokens;
import jp.kawaraban.platform.mail.MailNotSentException;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Newsletters and who receives them: sign-up with double opt-in, confirmation, unsubscribe and
 * the manage page. No answer here tells a stranger whether an address is subscribed: a sign-up
 * for a subscribed address answers "sent" and the mail tells the owner.
 */
@Service
public class Newsletters {

    static final String CONFIRM = "CONFIRM";
    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_EMAIL = 254;

    private final NewsletterRepository repository;
    private final NewsletterMail mail;
    private final SignedTokens signed;
    private final NewsletterProperties properties;
    private final Clock clock;

    Newsletters(NewsletterRepository repository, NewsletterMail mail, SignedTokens signed,
                NewsletterProperties properties, Clock clock) {
        this.repository = repository;
        this.mail = mail;
        this.signed = signed;
        this.properties = properties;
        this.clock = clock;
    }

    public List<Newsletter> all() {
        return repository.newsletters();
    }

    public Optional<Newsletter> find(String code) {
        return code == null ? Optional.empty() : repository.newsletter(code);
    }

    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isPlausible(String email) {
        String normalised = normalise(email);
        return normalised.length() <= MAX_EMAIL && PLAUSIBLE.matcher(normalised).matches();
    }

    // --- sign-up and confirmation ----------------------------------------------------

    /**
     * Records the request and mails the confirmation link. Nothing is subscribed yet; existing
     * subscriptions keep their state until the link is used, so a stranger changes nothing.
     */
    @Transactional
    public SignUpOutcome signUp(SignUp request) {
        if (!isPlausible(request.email())) {
            return SignUpOutcome.INVALID_EMAIL;
        }
        String email = normalise(request.email());
        Map<String, Newsletter> known = all().stream().collect(Collectors.toMap(Newsletter::code, Function.identity()));
        List<Newsletter> wanted = new LinkedHashSet<>(request.newsletters()).stream()
                .map(known::get).filter(java.util.Objects::nonNull).toList();
        if (wanted.isEmpty() || wanted.size() != new LinkedHashSet<>(request.newsletters()).size()) {
            return SignUpOutcome.NO_NEWSLETTER;
        }
        boolean owner = request.member() != null && normalise(request.member().email()).equals(email);
        List<Newsletter> missing = wanted.stream().filter(n -> repository.subscription(email, n.code())
                .map(row -> row.state() != SubscriptionState.CONFIRMED).orElse(true)).toList();
        if (owner && missing.isEmpty()) {
            return SignUpOutcome.ALREADY_SUBSCRIBED;
        }
        Instant now = clock.instant();
        if (repository.linksSince(email, now.minusSeconds(3600)) >= properties.confirmMailsPerHour()) {
            return SignUpOutcome.THROTTLED;
        }
        if (request.clientAddress() != null && repository.addressesFromClientSince(request.clientAddress(), email,
                now.minusSeconds(3600)) >= properties.signUpsPerClientPerHour()) {
            return SignUpOutcome.CLIENT_THROTTLED;
        }
        MemberId member = owner ? request.member().id() : null;
        try {
            for (Newsletter newsletter : wanted) {
                repository.consent(email, newsletter.code(), "REQUESTED", request.source(), request.statement(),
                        request.clientAddress(), now);
            }
            String token = SignedTokens.random();
            // The link row is written for the "already subscribed" note too: it counts against the hourly limit.
            repository.insertLink(SignedTokens.hash(token), CONFIRM, email,
                    missing.stream().map(Newsletter::code).toList(), null, request.source(), now,
                    now.plus(properties.confirmLinkLifetime()));
            if (missing.isEmpty()) {
                mail.alreadySubscribed(email, wanted);
            } else {
                for (Newsletter newsletter : missing) {
                    repository.addPending(email, newsletter.code(), member, now);
                }
                mail.confirm(email, missing, token, properties.confirmLinkLifetime().toHours());
            }
            return SignUpOutcome.SENT;
        } catch (MailNotSentException | DataAccessException failed) {
            throw new SignUpFailedException(failed);
        }
    }

    /** The newsletters a confirmation link would subscribe to; empty when the link is not usable. */
    public Optional<List<Newsletter>> confirmationOf(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return repository.usableLink(SignedTokens.hash(token), CONFIRM, clock.instant())
                .filter(link -> !link.newsletters().isEmpty())
                .map(link -> link.newsletters().stream().map(repository::newsletter).flatMap(Optional::stream).toList());
    }

    /** Uses the link: the address receives the newsletters from now on. */
    @Transactional
    public Optional<List<Newsletter>> confirm(String token, String clientAddress) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return repository.useLink(SignedTokens.hash(token), CONFIRM, now)
                .filter(link -> !link.newsletters().isEmpty())
                .map(link -> {
                    List<Newsletter> confirmed = new ArrayList<>();
                    for (String code : link.newsletters()) {
                        repository.newsletter(code).ifPresent(newsletter -> {
                            MemberId member = repository.subscription(link.email(), code)
                                    .map(NewsletterRepository.Row::member).orElse(null);
                            repository.confirm(link.email(), code, member, now);
                            repository.liftSuppression(link.email());
                            repository.consent(link.email(), code, "CONFIRMED", link.source(), null, clientAddress, now);
                            confirmed.add(newsletter);
                        });
                    }
                    return confirmed;
                });
    }

    // --- unsubscribe and manage ----------------------------------------------------------

    /** What an unsubscribe link names: the address and the newsletter. */
    public record Target(String email, Newsletter newsletter) {
    }

    public Optional<Target> unsubscribeTarget(String token) {
        return signed.verify(token).flatMap(Payloads::unsubscribe)
                .flatMap(u -> repository.newsletter(u.newsletter()).map(n -> new Target(u.email(), n)));
    }

    /** One click: the link's address stops receiving the link's newsletter. Idempotent. */
    @Transactional
    public Optional<Target> unsubscribe(String token, String source, String clientAddress) {
        Optional<Target> target = unsubscribeTarget(token);
        target.ifPresent(t -> stop(t.email(), t.newsletter().code(), source, clientAddress));
        return target;
    }

    /** The address a manage link was made for, with every newsletter's state. */
    public Optional<AddressSubscriptions> manage(String token) {
        return signed.verify(token).flatMap(Payloads::manageEmail).map(this::subscriptionsOf);
    }

    public Optional<String> manageEmail(String token) {
        return signed.verify(token).flatMap(Payloads::manageEmail);
    }

    public AddressSubscriptions subscriptionsOf(String email) {
        String normalised = normalise(email);
        Map<String, NewsletterRepository.Row> rows = repository.subscriptions(normalised).stream()
                .collect(Collectors.toMap(NewsletterRepository.Row::newsletter, Function.identity()));
        String reason = repository.suppressionReason(normalised).orElse(null);
        return new AddressSubscriptions(normalised, all().stream().map(n -> {
            var row = rows.get(n.code());
            SubscriptionState state = row == null ? null : row.state();
            return new AddressSubscriptions.Entry(n, state, state == SubscriptionState.SUPPRESSED ? reason : null);
        }).toList());
    }

    /** The address's owner (from a signed link or logged in) stops one newsletter. */
    @Transactional
    public void stop(String email, String newsletter, String source, String clientAddress) {
        String normalised = normalise(email);
        Instant now = clock.instant();
        var row = repository.subscription(normalised, newsletter);
        if (row.isPresent() && (row.get().state() == SubscriptionState.CONFIRMED || row.get().state() == SubscriptionState.PENDING)) {
            repository.setState(normalised, newsletter, SubscriptionState.UNSUBSCRIBED, now);
            repository.consent(normalised, newsletter, "UNSUBSCRIBED", source, null, clientAddress, now);
        }
    }

    public String manageUrl(String email) {
        return mail.manageUrl(normalise(email));
    }

    public String unsubscribeUrl(String email, String newsletter) {
        return mail.unsubscribeUrl(normalise(email), newsletter);
    }

    /** The consent trail of one address and newsletter, oldest first (for tests and audits). */
    public List<String> consentTrail(String email, String newsletter) {
        return repository.consentActions(normalise(email), newsletter);
    }

    @Scheduled(fixedDelayString = "PT1H")
    void forgetOldLinks() {
        repository.forgetLinksBefore(clock.instant().minus(java.time.Duration.ofDays(7)));
    }

    /** The mail could not be sent or stored: "try again later". Nothing was kept. */
    public static class SignUpFailedException extends RuntimeException {
        SignUpFailedException(Throwable cause) {
            super("Newsletter sign-up failed", cause);
        }
    }
}
