package jp.kawaraban.access;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.kawaraban.access.AccessRefusal.Problem;
import jp.kawaraban.access.internal.AccessRepository;
import jp.kawaraban.platform.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The paid plans' terms as sold today: read by {@code /plans} and checkout, changed by
 * administrators (and by the demo edition when it sets itself up, the same way). A change
 * reaches new subscribers only: existing ones keep the price they signed up at
 * ({@link SubscriptionLedger}).
 */
@Service
public class Plans {

    // Stripe's price ids (price_…) and anything alike: no spaces, nothing to escape.
    private static final Pattern PRICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final AccessRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Plans(AccessRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** The paid plans on sale, monthly first; none until an administrator (or the demo) sets them. */
    public List<PlanTerms> offered() {
        return repository.planTerms();
    }

    public Optional<PlanTerms> terms(Plan plan) {
        return plan == null || !plan.isPaid() ? Optional.empty() : repository.planTerms(plan);
    }

    /**
     * Sets a paid plan's terms. {@code price} is as typed (digits, commas allowed); everything is
     * checked before anything is stored.
     */
    @Transactional
    public PlanTerms save(Audited.Actor by, Plan plan, String name, String price, String providerPriceId,
                          String includes) {
        if (plan == null || !plan.isPaid()) {
            throw new AccessRefusal(Problem.NOT_A_PAID_PLAN);
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > PlanTerms.MAX_NAME) {
            throw new AccessRefusal(Problem.INVALID_PLAN_NAME, PlanTerms.MAX_NAME);
        }
        int yen = price(price);
        String priceId = providerPriceId == null ? "" : providerPriceId.strip();
        if (!priceId.isEmpty() && !PRICE_ID.matcher(priceId).matches()) {
            throw new AccessRefusal(Problem.INVALID_PRICE_ID);
        }
        String cleanIncludes = includes == null ? "" : includes.strip().replace("\r\n", "\n");
        if (cleanIncludes.length() > PlanTerms.MAX_INCLUDES) {
            throw new AccessRefusal(Problem.INCLUDES_TOO_LONG, PlanTerms.MAX_INCLUDES);
        }
        Optional<PlanTerms> before = repository.planTerms(plan);
        PlanTerms terms = new PlanTerms(plan, cleanName, yen, priceId, cleanIncludes, clock.instant());
        repository.savePlanTerms(terms);
        events.publishEvent(new Audited(by, "plan.save", "plan:" + plan.name(),
                before.map(old -> old.priceYen() == yen ? "" : String.format("%,d円 → ", old.priceYen())).orElse("")
                        + String.format("%,d円", yen) + " " + cleanName + (priceId.isEmpty() ? "" : " " + priceId)));
        return terms;
    }

    private static int price(String typed) {
        String digits = typed == null ? "" : typed.strip().replace(",", "").replace("，", "").replace("円", "");
        if (!digits.matches("-?[0-9]{1,9}")) {
            throw new AccessRefusal(Problem.INVALID_PRICE, PlanTerms.MAX_PRICE);
        }
        long yen = Long.parseLong(digits);
        if (yen < 0) {
            throw new AccessRefusal(Problem.NEGATIVE_PRICE);
        }
        if (yen > PlanTerms.MAX_PRICE) {
            throw new AccessRefusal(Problem.INVALID_PRICE, PlanTerms.MAX_PRICE);
        }
        return (int) yen;
    }
}
