package jp.kawaraban.access;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import jp.kawaraban.platform.web.JapaneseDates;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/plans} over real HTTP as the demo administrator: a price change shows on
 * {@code /plans} and to new subscribers while an existing subscriber keeps paying what they
 * signed up at; campaigns are added and lead to the plans chosen; bad input is refused in
 * Japanese and stores nothing; every change is in the audit log.
 */
@KawarabanTest
class PlansAndCampaignsAdminTest {

    private static final String PASSWORD = "plans-password-123";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Plans plans;
    @Autowired
    Entitlements entitlements;
    @Autowired
    SubscriptionLedger ledger;
    @Autowired
    Trials trials;
    @Autowired
    Clock clock;

    @Test
    void aPriceChangeReachesNewSubscribersOnlyExistingOnesKeepTheirPrice() {
        PlanTerms before = plans.terms(Plan.MONTHLY).orElseThrow();
        int oldPrice = before.priceYen();
        int newPrice = oldPrice + 600;
        Member existing = member();
        var subscriber = WebSession.loggedIn(port, existing.email(), PASSWORD);
        subscribe(subscriber, oldPrice);
        assertThat(accountPlan(subscriber)).contains(yen(oldPrice));

        var admin = admin();
        try {
            HttpResponse<String> changed = admin.submit("/admin/plans", "/admin/plans/MONTHLY", Map.of("name", before.name(),
                    "price", String.valueOf(newPrice), "priceId", "", "includes", before.includes()));
            assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/admin/plans?done=plan");

            assertThat(new WebSession(port).page("/plans").selectFirst(".plan-card[data-plan=MONTHLY] .price").text())
                    .contains(yen(newPrice)).doesNotContain(yen(oldPrice));
            assertThat(accountPlan(subscriber)).as("the existing subscriber's account page").contains(yen(oldPrice))
                    .doesNotContain(yen(newPrice));
            // A renewal reported by the provider charges the same subscription: still the old price.
            ledger.apply(new SubscriptionLedger.ProviderReport(existing.id(), Plan.MONTHLY, SubscriptionState.ACTIVE,
                    clock.instant().plus(Duration.ofDays(61)), "demo", null, clock.instant()));
            assertThat(entitlements.membership(existing.id()).subscription().priceYen()).isEqualTo(oldPrice);
            assertThat(accountPlan(subscriber)).contains(yen(oldPrice));
            assertThat(admin.page("/admin/members/" + existing.id()).selectFirst(".subscription .price").text())
                    .contains(yen(oldPrice)).contains(yen(newPrice));

            Member newcomer = member();
            var newSession = WebSession.loggedIn(port, newcomer.email(), PASSWORD);
            subscribe(newSession, newPrice);
            assertThat(accountPlan(newSession)).contains(yen(newPrice));
            assertThat(entitlements.membership(newcomer.id()).subscription().priceYen()).isEqualTo(newPrice);

            assertThat(admin.page("/editor/audit?subject=plan:MONTHLY").select(".audit-entry[data-action=plan.save] .audit-detail")
                    .eachText()).anySatisfy(detail -> assertThat(detail).contains(yen(oldPrice) + "円 → " + yen(newPrice) + "円"));
        } finally {
            plans.save(new jp.kawaraban.platform.Audited.Actor("test", "テスト"), Plan.MONTHLY, before.name(),
                    String.valueOf(oldPrice), before.providerPriceId(), before.includes());
        }
    }

    @Test
    void badPlanInputIsRefusedInJapaneseAndChangesNothing() {
        PlanTerms before = plans.terms(Plan.YEARLY).orElseThrow();
        var admin = admin();
        assertRefused(admin.submit("/admin/plans", "/admin/plans/YEARLY", Map.of("name", before.name(), "price", "-100",
                "priceId", "", "includes", "")), 400, "価格にマイナスは指定できません");
        assertRefused(admin.submit("/admin/plans", "/admin/plans/YEARLY", Map.of("name", before.name(), "price", "たくさん",
                "priceId", "", "includes", "")), 400, "価格は0円以上");
        assertRefused(admin.submit("/admin/plans", "/admin/plans/YEARLY", Map.of("name", " ", "price", "100",
                "priceId", "", "includes", "")), 400, "プラン名は1文字以上");
        assertRefused(admin.submit("/admin/plans", "/admin/plans/YEARLY", Map.of("name", "年額", "price", "100",
                "priceId", "price with spaces", "includes", "")), 400, "Stripe の価格ID");
        assertThat(plans.terms(Plan.YEARLY).orElseThrow()).isEqualTo(before);
    }

    @Test
    void aCampaignIsAddedShownOnThePlansPageAndItsTrialRunsOnTheFirstPlanItLeadsTo() {
        String code = code();
        LocalDate today = LocalDate.ofInstant(clock.instant(), JapaneseDates.TOKYO);
        var admin = admin();
        HttpResponse<String> created = admin.submit("/admin/plans", "/admin/campaigns", Map.of("code", code,
                "name", "年額プラン 14日間お試し", "description", "年額プランを14日間無料で。", "firstDay", today.minusDays(1).toString(),
                "lastDay", today.plusDays(10).toString(), "trialDays", "14", "plans", "YEARLY"));
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("done=campaignCreated");

        var campaign = new WebSession(port).page("/plans").selectFirst("#trial-" + code);
        assertThat(campaign.selectFirst("h2").text()).isEqualTo("年額プラン 14日間お試し");
        assertThat(campaign.selectFirst(".campaign-plans").text()).contains(plans.terms(Plan.YEARLY).orElseThrow().name());

        Member member = member();
        var reader = WebSession.loggedIn(port, member.email(), PASSWORD);
        reader.submit("/plans", "/plans/trial", Map.of("campaign", code));
        Subscription trial = entitlements.membership(member.id()).subscription();
        assertThat(trial.plan()).isEqualTo(Plan.YEARLY);
        assertThat(trial.state()).isEqualTo(SubscriptionState.TRIALING);
        assertThat(Duration.between(clock.instant(), trial.trialEndsAt()))
                .isBetween(Duration.ofDays(14).minusMinutes(1), Duration.ofDays(14));

        admin.submit("/admin/plans", "/admin/campaigns/" + code, Map.of("name", "年額プラン 14日間お試し（延長）",
                "description", "", "firstDay", today.minusDays(1).toString(), "lastDay", today.plusDays(20).toString(),
                "trialDays", "14", "plans", "YEARLY"));
        assertThat(trials.campaign(code).orElseThrow().name()).isEqualTo("年額プラン 14日間お試し（延長）");
        assertThat(admin.page("/editor/audit?subject=campaign:" + code).select(".audit-entry").eachAttr("data-action"))
                .contains("campaign.create", "campaign.update");
    }

    @Test
    void badCampaignsAreRefusedInJapaneseAndStoreNothing() {
        var admin = admin();
        String inverted = code();
        assertRefused(admin.submit("/admin/plans", "/admin/campaigns", Map.of("code", inverted, "name", "逆さまの期間",
                "description", "", "firstDay", "2027-03-10", "lastDay", "2027-03-01", "trialDays", "30", "plans", "MONTHLY")),
                400, "受付の最終日が初日より前になっています");
        assertThat(trials.campaign(inverted)).isEmpty();

        String noPlans = code();
        assertRefused(admin.submit("/admin/plans", "/admin/campaigns", Map.of("code", noPlans, "name", "プランなし",
                "description", "", "firstDay", "2027-03-01", "lastDay", "2027-03-10", "trialDays", "30")),
                400, "対象のプランを1つ以上");
        assertThat(trials.campaign(noPlans)).isEmpty();

        assertRefused(admin.submit("/admin/plans", "/admin/campaigns", Map.of("code", "Not A Code", "name", "コード違反",
                "description", "", "firstDay", "2027-03-01", "lastDay", "2027-03-10", "trialDays", "30", "plans", "MONTHLY")),
                400, "コードは英小文字・数字・ハイフン");

        String taken = code();
        admin.submit("/admin/plans", "/admin/campaigns", Map.of("code", taken, "name", "最初のキャンペーン",
                "description", "", "firstDay", "2027-03-01", "lastDay", "2027-03-10", "trialDays", "30", "plans", "MONTHLY"));
        assertRefused(admin.submit("/admin/plans", "/admin/campaigns", Map.of("code", taken, "name", "上書きの試み",
                "description", "", "firstDay", "2027-04-01", "lastDay", "2027-04-10", "trialDays", "7", "plans", "MONTHLY")),
                409, "コード「" + taken + "」のキャンペーンはすでにあります");
        Campaign kept = trials.campaign(taken).orElseThrow();
        assertThat(kept.name()).isEqualTo("最初のキャンペーン");
        assertThat(kept.trialDays()).isEqualTo(30);
    }

    private void subscribe(WebSession member, int expectedPrice) {
        HttpResponse<String> checkout = member.submit("/plans", "/billing/checkout", Map.of("plan", "MONTHLY"));
        String demoPage = member.local(checkout.headers().firstValue("Location").orElseThrow());
        assertThat(member.page(demoPage).selectFirst(".notice").text()).as("the price the checkout asks")
                .contains(yen(expectedPrice));
        assertThat(member.submit(demoPage, demoPage, Map.of()).headers().firstValue("Location").orElseThrow())
                .endsWith("/my/account?paid");
    }

    private static String accountPlan(WebSession member) {
        return member.page("/my/account").selectFirst(".plan").text();
    }

    private WebSession admin() {
        return WebSession.loggedIn(port, "admin@example.com", DEMO_PASSWORD);
    }

    private Member member() {
        return accounts.createVerified("plans-" + UUID.randomUUID() + "@example.com", PASSWORD, "プラン 会員", Set.of());
    }

    private static String code() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String yen(int price) {
        return String.format("%,d", price);
    }

    static void assertRefused(HttpResponse<String> answer, int status, String message) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(Jsoup.parse(answer.body()).selectFirst(".refusal-message").text()).contains(message);
    }
}
