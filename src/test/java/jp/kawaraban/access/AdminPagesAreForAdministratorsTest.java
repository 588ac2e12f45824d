package jp.kawaraban.access;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import jp.kawaraban.member.Role;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code /admin/**} route of the application (found in the handler mappings, not listed
 * by hand), read and posted — with a valid CSRF token, so only the role decides — by an
 * anonymous reader, a free member, an expert and an editor: the anonymous reader is sent to
 * log in, the others are refused, and nothing they posted changed anything. The administrator
 * reads every page.
 */
@KawarabanTest
class AdminPagesAreForAdministratorsTest {

    private static final String PASSWORD = "admin-pages-pass-1";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    List<RequestMappingHandlerMapping> handlerMappings;

    record Route(String method, String path) {
    }

    @Test
    void onlyAdministratorsReachAnyAdminRoute() {
        Member target = accounts.createVerified("target-" + UUID.randomUUID() + "@example.com", PASSWORD, "対象 会員", Set.of());
        List<Route> routes = adminRoutes(Map.of("{id}", target.id().toString(), "{plan}", "MONTHLY", "{code}", "welcome",
                "{slug}", "terms"));
        assertThat(routes).extracting(Route::path).contains("/admin/staff", "/admin/members", "/admin/plans",
                "/admin/staff/invite", "/admin/members/" + target.id());

        Member free = accounts.createVerified("free-" + UUID.randomUUID() + "@example.com", PASSWORD, "無料", Set.of());
        Map<String, WebSession> readers = new LinkedHashMap<>();
        readers.put("anonymous", new WebSession(port));
        readers.put("free", WebSession.loggedIn(port, free.email(), PASSWORD));
        readers.put("expert", WebSession.loggedIn(port, "expert@example.com", DEMO_PASSWORD));
        readers.put("editor", WebSession.loggedIn(port, "editor@example.com", DEMO_PASSWORD));

        List<String> wrong = new ArrayList<>();
        for (var reader : readers.entrySet()) {
            boolean anonymous = reader.getKey().equals("anonymous");
            String csrf = reader.getValue().page(anonymous ? "/login" : "/my/account").selectFirst("input[name=_csrf]").val();
            for (Route route : routes) {
                HttpResponse<String> answer = route.method().equals("GET") ? reader.getValue().get(route.path())
                        : reader.getValue().post(route.path(), Map.ofEntries(Map.entry("_csrf", csrf),
                        Map.entry("role", "ADMIN"), Map.entry("email", "intruder-" + UUID.randomUUID() + "@example.com"),
                        Map.entry("name", "侵入"), Map.entry("price", "1"), Map.entry("days", "90"),
                        Map.entry("code", "intruder"), Map.entry("firstDay", "2027-01-01"),
                        Map.entry("lastDay", "2027-12-31"), Map.entry("trialDays", "366"), Map.entry("plans", "MONTHLY"),
                        Map.entry("text", "侵入者が書いた規約")));
                boolean refused = anonymous
                        ? answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").endsWith("/login")
                        : answer.statusCode() == 403;
                if (!refused) {
                    wrong.add(reader.getKey() + " " + route + " → " + answer.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
        Member after = accounts.findByEmail(target.email()).orElseThrow();
        assertThat(after.roles()).containsExactly(Role.MEMBER);

        var admin = WebSession.loggedIn(port, "admin@example.com", DEMO_PASSWORD);
        for (Route route : routes) {
            if (route.method().equals("GET")) {
                assertThat(admin.get(route.path()).statusCode()).as("admin GET " + route.path()).isEqualTo(200);
            }
        }
        Document audit = admin.page("/editor/audit?subject=member:" + target.id());
        assertThat(audit.select(".audit-entry")).as("nothing was done to the target").isEmpty();
    }

    /** Every route under /admin/ with its methods, variables filled. */
    private List<Route> adminRoutes(Map<String, String> values) {
        Set<Route> routes = new TreeSet<>((a, b) -> (a.path() + a.method()).compareTo(b.path() + b.method()));
        for (RequestMappingHandlerMapping mapping : handlerMappings) {
            mapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                    .filter(pattern -> pattern.startsWith("/admin/"))
                    .forEach(pattern -> {
                        String path = pattern;
                        for (var value : values.entrySet()) {
                            path = path.replace(value.getKey(), value.getValue());
                        }
                        assertThat(path).as("a variable of " + pattern + " this test cannot fill").doesNotContain("{");
                        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                            routes.add(new Route(method.name(), path));
                        }
                    }));
        }
        return List.copyOf(routes);
    }
}
