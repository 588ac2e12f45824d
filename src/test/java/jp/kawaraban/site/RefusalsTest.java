package jp.kawaraban.site;

import java.net.http.HttpResponse;
import java.util.Map;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.access.Action;
import jp.kawaraban.access.ActionAccess;
import jp.kawaraban.access.ActionRefusedException;
import jp.kawaraban.access.Entitlements;
import jp.kawaraban.access.Reader;
import jp.kawaraban.access.RequiresAccess;
import jp.kawaraban.platform.Refusal;
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
 * A small controller in this test refuses whichever action its path names, as
 * {@code @RequiresAccess} does for the real endpoints, so every refusal is seen on both paths;
 * every test application has it ({@link jp.kawaraban.KawarabanTestConfiguration}), so this
 * test needs no application of its own.
 */
@KawarabanTest
public class RefusalsTest {

    @RestController
    public static class Actions {

        private final Entitlements entitlements;

        Actions(Entitlements entitlements) {
            this.entitlements = entitlements;
        }

        @GetMapping({"/test-actions/{action}", "/api/v1/test-actions/{action}"})
        Map<String, String> act(@PathVariable Action action) {
            ActionAccess access = entitlements.mayUse(Reader.current(), action);
            if (!access.allowed()) {
                throw new ActionRefusedException(access.refusal());
            }
            return Map.of("done", action.name());
        }

        /** Declared as the real endpoints declare it: access checks before the handler runs. */
        @RequiresAccess(Action.FOLLOW)
        @GetMapping({"/test-actions/declared", "/api/v1/test-actions/declared"})
        Map<String, String> required() {
            return Map.of("done", "FOLLOW");
        }

        /** Any module's refusal that its controller does not show itself. */
        @GetMapping({"/test-actions/refusals/{kind}", "/api/v1/test-actions/refusals/{kind}"})
        Map<String, String> refuse(@PathVariable Refusal.Kind kind) {
            throw new Clash(kind);
        }
    }

    static class Clash extends Refusal {

        Clash(Kind kind) {
            super(kind, "editor.problem.wrongStatus", "公開中");
        }

        @Override
        public String code() {
            return "clash";
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

    @Test
    void handlersDeclaringTheirActionAreCheckedBeforeTheyRun() {
        var anonymous = new WebSession(port);
        Document page = page(anonymous.get("/test-actions/declared"), 403);
        assertThat(page.selectFirst(".refusal-message").text()).isEqualTo("この機能を使うにはログインが必要です。");
        var free = WebSession.loggedIn(port, "free@example.com", DEMO_PASSWORD);
        assertThat(problem(free.get("/api/v1/test-actions/declared", "application/json"), 403).get("refusal").asString())
                .isEqualTo("PAID_ONLY");
        var trial = WebSession.loggedIn(port, "trial@example.com", DEMO_PASSWORD);
        assertThat(trial.get("/api/v1/test-actions/declared").statusCode()).isEqualTo(200);
    }

    @Test
    void anyModulesRefusalIsAnsweredWithItsReasonOnPagesAndInTheApi() {
        var anonymous = new WebSession(port);
        Document page = page(anonymous.get("/test-actions/refusals/CONFLICT"), 409);
        assertThat(page.selectFirst("h1").text()).isEqualTo("ほかの変更と重なりました");
        assertThat(page.selectFirst(".refusal-message").text()).isEqualTo("この記事は今「公開中」のため、その操作はできません。");

        JsonNode problem = problem(anonymous.get("/api/v1/test-actions/refusals/INVALID", "application/json"), 400);
        assertThat(problem.get("title").asString()).isEqualTo("入力の内容を確かめてください");
        assertThat(problem.get("detail").asString()).isEqualTo("この記事は今「公開中」のため、その操作はできません。");
        assertThat(problem.get("error").asString()).isEqualTo("clash");

        Document missing = page(anonymous.get("/test-actions/refusals/NOT_FOUND"), 404);
        assertThat(missing.selectFirst(".error-status").text()).isEqualTo("404");
        assertThat(problem(anonymous.get("/api/v1/test-actions/refusals/TOO_LARGE", "application/json"), 413)
                .get("error").asString()).isEqualTo("clash");
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
