package jp.kawaraban.site;

import java.net.http.HttpResponse;
import java.util.Map;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.access.Action;
import jp.kawaraban.site.web.Refusals;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a refused action is answered, on a page and in the JSON API, for each kind of reader.
 * A small controller in this test asks {@link Refusals} for any action, as the follow, save
 * and commentary endpoints do; every test application has it
 * ({@link jp.kawaraban.KawarabanTestConfiguration}), so this test needs no application of its own.
 */
@KawarabanTest
public class RefusalsTest {

    @RestController
    public static class Actions {

        private final Refusals refusals;

        Actions(Refusals refusals) {
            this.refusals = refusals;
        }

        @GetMapping({"/test-actions/{action}", "/api/v1/test-actions/{action}"})
        Map<String, String> act(@PathVariable Action action) {
            refusals.require(action);
            return Map.of("done", action.name());
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    @Test
    void anonymousReadersAreSentToLogInOnPagesAndInTheApi() {
        var anonymous = new WebSession(port);
        Document page = page(anonymous.get("/test-actions/SAVE_ARTICLE"), 403);
        assertThat(page.selectFirst(".refusal-message").text()).isEqualTo("この機能を使うにはログインが必要です。");
        assertThat(page.select(".refused a").eachAttr("href")).contains("/login?next=%2Ftest-actions%2FSAVE_ARTICLE", "/signup");

        JsonNode problem = problem(anonymous.get("/api/v1/test-actions/SAVE_ARTICLE", "application/json"), 403);
        assertThat(problem.get("refusal").asString()).isEqualTo("LOG_IN");
        assertThat(problem.get("detail").asString()).isEqualTo("この機能を使うにはログインが必要です。");
        assertThat(problem.get("login").asString()).startsWith("/login?next=");
    }

    @Test
    void freeMembersAreToldPaidActionsArePaidOnly() {
        var free = WebSession.loggedIn(port, "free@example.com", DEMO_PASSWORD);
        for (String action : new String[] {"FOLLOW", "SAVE_ARTICLE", "SAVE_FIGURE"}) {
            Document page = page(free.get("/test-actions/" + action), 403);
            assertThat(page.selectFirst(".refusal-message").text()).contains("有料会員（お試し期間中の方を含む）限定");
            assertThat(page.select(".refused a").eachAttr("href")).contains("/plans");
            JsonNode problem = problem(free.get("/api/v1/test-actions/" + action, "application/json"), 403);
            assertThat(problem.get("refusal").asString()).isEqualTo("PAID_ONLY");
            assertThat(problem.get("plans").asString()).isEqualTo("/plans");
        }
        assertThat(free.get("/api/v1/test-actions/READ_COMMENTARY").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyExpertsWriteCommentaryAndPaidMembersMaySave() {
        var paid = WebSession.loggedIn(port, "paid@example.com", DEMO_PASSWORD);
        assertThat(paid.get("/api/v1/test-actions/SAVE_FIGURE").statusCode()).isEqualTo(200);
        JsonNode problem = problem(paid.get("/api/v1/test-actions/WRITE_COMMENTARY", "application/json"), 403);
        assertThat(problem.get("refusal").asString()).isEqualTo("NOT_PERMITTED");
        assertThat(problem.get("detail").asString()).isEqualTo("お使いのアカウントではこの操作はできません。");
        var trial = WebSession.loggedIn(port, "trial@example.com", DEMO_PASSWORD);
        assertThat(trial.get("/test-actions/FOLLOW").statusCode()).isEqualTo(200);
        var expert = WebSession.loggedIn(port, "expert@example.com", DEMO_PASSWORD);
        assertThat(expert.get("/api/v1/test-actions/WRITE_COMMENTARY").statusCode()).isEqualTo(200);
    }

    private static Document page(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        return Jsoup.parse(answer.body());
    }

    private JsonNode problem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        return json.readTree(answer.body());
    }
}
