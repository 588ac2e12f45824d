package jp.kawaraban.access;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.TestMail;
import jp.kawaraban.WebSession;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static jp.kawaraban.access.PlansAndCampaignsAdminTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/members} over real HTTP as the demo administrator, as a customer desk uses it
 * with a reader on the phone: find them by part of the address, see plan, trial, history and
 * devices, extend the trial (within bounds), end the subscription, send the verification mail
 * again; each change in the audit log.
 */
@KawarabanTest
class CustomerDeskTest {

    private static final String PASSWORD = "desk-password-1234";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Trials trials;
    @Autowired
    Entitlements entitlements;

    @Test
    void theDeskFindsAMemberExtendsTheirTrialAndEndsIt() {
        String tag = UUID.randomUUID().toString().substring(0, 12);
        Member member = accounts.createVerified("desk-" + tag + "@example.com", PASSWORD, "電話 の 読者", Set.of());
        assertThat(trials.start(member.id(), "welcome")).isEqualTo(Trials.Outcome.STARTED);
        WebSession.loggedIn(port, member.email(), PASSWORD);
        var trialEnd = entitlements.membership(member.id()).subscription().trialEndsAt();

        var admin = admin();
        Document found = admin.page("/admin/members?q=" + tag.toUpperCase());
        assertThat(found.select(".member-row a").eachText()).containsExactly(member.email());
        assertThat(admin.page("/admin/members?q=de").selectFirst(".notice-error").text()).contains("3文字以上");

        String page = "/admin/members/" + member.id();
        Document details = admin.page(page);
        assertThat(details.selectFirst(".subscription").attr("data-state")).isEqualTo("TRIALING");
        assertThat(details.selectFirst(".trial-ends")).isNotNull();
        assertThat(details.select(".devices .device")).hasSize(1);
        assertThat(details.select(".trials-taken li").text()).contains("welcome");

        assertThat(admin.submit(page, page + "/extend-trial", Map.of("days", "10")).headers().firstValue("Location")
                .orElseThrow()).endsWith("done=trialExtended");
        assertThat(entitlements.membership(member.id()).subscription().trialEndsAt()).isEqualTo(trialEnd.plus(Duration.ofDays(10)));
        assertRefused(admin.submit(page, page + "/extend-trial", Map.of("days", "91")), 400, "1日以上90日以下");
        assertRefused(admin.submit(page, page + "/extend-trial", Map.of("days", "-3")), 400, "1日以上90日以下");
        assertThat(entitlements.membership(member.id()).subscription().trialEndsAt()).isEqualTo(trialEnd.plus(Duration.ofDays(10)));

        admin.submit(page, page + "/end-subscription", Map.of());
        assertThat(entitlements.hasPaidAccess(member.id())).isFalse();
        Document ended = admin.page(page);
        assertThat(ended.selectFirst(".subscription").attr("data-state")).isEqualTo("EXPIRED");
        assertThat(ended.select(".subscription-history .history-row").eachAttr("data-to")).containsExactly("TRIALING", "TRIALING", "EXPIRED");
        assertRefused(admin.submit(page, page + "/end-subscription", Map.of()), 409, "終了できる購読がありません");
        assertRefused(admin.submit(page, page + "/extend-trial", Map.of("days", "5")), 409, "お試し期間中ではありません");

        assertThat(admin.page("/editor/audit?subject=member:" + member.id()).select(".audit-entry").eachAttr("data-action"))
                .containsExactly("member.end-subscription", "member.extend-trial");
    }

    @Test
    void theDeskSendsTheVerificationMailAgainToAnUnconfirmedAddressOnly() {
        String email = "unconfirmed-" + UUID.randomUUID() + "@example.com";
        assertThat(accounts.signUp(email, PASSWORD, "未確認 の 読者", "198.51.100.7")).isEqualTo(Accounts.Outcome.OK);
        Member member = accounts.findByEmail(email).orElseThrow();
        TestMail.awaitCount(email, 1);

        var admin = admin();
        String page = "/admin/members/" + member.id();
        assertThat(admin.page(page).selectFirst(".verified").attr("data-verified")).isEqualTo("false");
        admin.submit(page, page + "/resend-verification", Map.of());
        TestMail.awaitCount(email, 2);
        var reader = new WebSession(port);
        String link = reader.local(TestMail.link(email, "/signup/verify"));
        reader.submit(link, "/signup/verify", Map.of("token", reader.page(link).selectFirst("input[name=token]").val()));

        HttpResponse<String> again = admin.submit(page, page + "/resend-verification", Map.of());
        assertRefused(again, 409, "確認済み");
        assertThat(TestMail.to(email)).hasSize(2);
        assertThat(admin.page("/editor/audit?subject=member:" + member.id()).select(".audit-entry").eachAttr("data-action"))
                .containsExactly("member.resend-verification");
    }

    private WebSession admin() {
        return WebSession.loggedIn(port, "admin@example.com", DEMO_PASSWORD);
    }
}
