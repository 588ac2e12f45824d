package jp.kawaraban.billing;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Plan;
import jp.kawaraban.access.PlanTerms;
import jp.kawaraban.access.Plans;
import jp.kawaraban.access.SubscriptionEnded;
import org.springframework.modulith.events.ApplicationModuleListener;
import jp.kawaraban.access.Subscription;
import jp.kawaraban.access.SubscriptionLedger;
import jp.kawaraban.access.SubscriptionState;
import jp.kawaraban.billing.internal.BillingRepository;
import jp.kawaraban.member.Member;
import jp.kawaraban.member.MemberId;
import jp.kawaraban.platform.web.PublicUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkout, the customer portal and webhooks, over whichever {@link PaymentProvider} is
 * configured. Webhook events are handled once: each is recorded by id before it is applied,
 * so a replay finds its row and changes nothing; {@code access} ignores events older than
 * the last one applied, so out-of-order delivery changes nothing either.
 */
@Service
public class Billing {

    private static final Logger log = LoggerFactory.getLogger(Billing.class);

    private final PaymentProvider provider;
    private final Plans plans;
    private final BillingRepository repository;
    private final SubscriptionLedger ledger;
    private final Entitlements entitlements;
    private final PublicUrls urls;
    private final Clock clock;

    Billing(PaymentProvider provider, Plans plans, BillingRepository repository, SubscriptionLedger ledger,
            Entitlements entitlements, PublicUrls urls, Clock clock) {
        this.plans = plans;
        this.entitlements = entitlements;
        this.provider = provider;
        this.repository = repository;
        this.ledger = ledger;
        this.urls = urls;
        this.clock = clock;
    }

    /** What came of a webhook. */
    public enum WebhookOutcome { APPLIED, UNCHANGED, DUPLICATE, UNKNOWN_MEMBER, IGNORED }

    public String providerName() {
        return provider.name();
    }

    /** Where to send a member who chose a paid plan. A member in a trial pays from its end. */
    public URI startCheckout(Member member, Plan plan) {
        String customer = repository.customerRef(member.id(), provider.name()).orElse(null);
        Subscription current = entitlements.membership(member.id()).subscription();
        Instant trialEnd = current != null && current.state() == SubscriptionState.TRIALING
                && current.givesPaidAccess(clock.instant()) ? current.trialEndsAt() : null;
        String priceRef = plans.terms(plan).map(PlanTerms::providerPriceId).orElse(null);
        return provider.startCheckout(new CheckoutRequest(member.id(), member.email(), plan, customer, trialEnd,
                URI.create(urls.url("/my/account?paid")), URI.create(urls.url("/plans?canceled")), priceRef));
    }

    /**
     * An administrator ended a subscription ({@code access}): the provider stops charging it.
     * After the commit, through the event registry, so a crash before the call retries it at
     * the next start.
     */
    @ApplicationModuleListener
    void on(SubscriptionEnded ended) {
        if (provider.name().equals(ended.provider())) {
            provider.cancel(ended.providerRef());
        } else {
            log.warn("Subscription {} of {} was ended here but is with {}, not {}: cancel it there by hand",
                    ended.providerRef(), ended.member(), ended.provider(), provider.name());
        }
    }

    /** The provider's page for card details and cancellation; empty for a member who never paid. */
    public Optional<URI> customerPortal(MemberId member) {
        return repository.customerRef(member, provider.name())
                .map(customer -> provider.customerPortal(customer, URI.create(urls.url("/my/account"))));
    }

    /**
     * A webhook as received.
     *
     * @throws InvalidWebhookException when it is not genuinely from the provider
     */
    @Transactional
    public WebhookOutcome receiveWebhook(String payload, String signatureHeader) {
        return handle(provider.readWebhook(payload, signatureHeader));
    }

    /** Applies a provider event once. Also the demo provider's way to complete a checkout. */
    @Transactional
    public WebhookOutcome handle(ProviderEvent event) {
        Instant now = clock.instant();
        if (!repository.recordEvent(provider.name(), event.eventId(), event.kind().name(), event.occurredAt(), now)) {
            return WebhookOutcome.DUPLICATE;
        }
        WebhookOutcome outcome = apply(event, now);
        repository.eventOutcome(provider.name(), event.eventId(), outcome.name());
        return outcome;
    }

    private WebhookOutcome apply(ProviderEvent event, Instant now) {
        if (event.kind() == ProviderEvent.Kind.IGNORED || event.state() == null) {
            return WebhookOutcome.IGNORED;
        }
        Optional<MemberId> member = Optional.ofNullable(event.member())
                .or(() -> ledger.memberOf(provider.name(), event.subscriptionRef()))
                .or(() -> Optional.ofNullable(event.customerRef())
                        .flatMap(customer -> repository.memberOfCustomer(provider.name(), customer)));
        if (member.isEmpty()) {
            log.warn("Payment event {} ({}) names no member we know", event.eventId(), event.kind());
            return WebhookOutcome.UNKNOWN_MEMBER;
        }
        if (event.customerRef() != null) {
            repository.saveCustomer(member.get(), provider.name(), event.customerRef(), now);
        }
        SubscriptionState state = event.kind() == ProviderEvent.Kind.SUBSCRIPTION_ENDED
                ? SubscriptionState.EXPIRED : event.state();
        boolean changed = ledger.apply(new SubscriptionLedger.ProviderReport(member.get(), event.plan(), state,
                event.periodEnd(), provider.name(), event.subscriptionRef(), event.occurredAt()));
        return changed ? WebhookOutcome.APPLIED : WebhookOutcome.UNCHANGED;
    }

}
