package jp.kawaraban.access;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.WebSession;
import jp.kawaraban.article.Article;
import jp.kawaraban.article.ArticleCatalog;
import jp.kawaraban.article.ArticleId;
import jp.kawaraban.article.Block;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import jp.kawaraban.site.SiteProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static jp.kawaraban.KawarabanTest.DEMO_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reading route and API endpoint, as every kind of reader: the status each gets and
 * whether the paid (or members-only) body text is in the answer. Then the leak test: every
 * GET route of the application (found, not listed by hand) with a paid article, its section,
 * series, keyword and so on in its variables, fetched as each reader not entitled to it.
 * It reads demo articles and changes only members of its own, so it may run beside the other
 * application tests ({@code junit-platform.properties}).
 */
@KawarabanTest
@Execution(ExecutionMode.CONCURRENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    static final String FREE_ARTICLE = id("business-rice-prices-stay-high");
    static final String MEMBERS_ARTICLE = id("talks-timeline-2025");
    static final String PAID_ARTICLE = id("riyadh-talks-analysis");
    /** Another paid article, opened first so the free member's allowance is used up. */
    static final String OTHER_PAID = id("business-column-regional-banks");
    /** A figure of the demo edition (in the members-only timeline). */
    static final String DEMO_FIGURE = "demo-us-russia-talks-2025-timeline.svg";

    @LocalServerPort
    int port;
    @Autowired
    ArticleCatalog catalog;
    @Autowired
    Accounts accounts;
    @Autowired
    Trials trials;
    @Autowired
    SubscriptionLedger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SiteProperties site;
    @Autowired
    Clock clock;
    @Autowired
    List<RequestMappingHandlerMapping> handlerMappings;

    /** The readers, by kind; anonymous is a session without log-in. */
    private final Map<String, WebSession> readers = new LinkedHashMap<>();

    @BeforeAll
    void readers() {
        readers.put("anonymous", new WebSession(port));
        readers.put("free", freeMemberWithAllowanceUsed());
        // A free member with this month's paid article still to spend: reading asks before it
        // spends, so a GET never sends the body (decision 0035).
        readers.put("freeUnspent", newFreeMember());
        readers.put("paid", WebSession.loggedIn(port, "paid@example.com", DEMO_PASSWORD));
        readers.put("trial", WebSession.loggedIn(port, "trial@example.com", DEMO_PASSWORD));
        readers.put("expiredTrial", expiredTrialMember());
        readers.put("expert", WebSession.loggedIn(port, "expert@example.com", DEMO_PASSWORD));
        readers.put("editor", WebSession.loggedIn(port, "editor@example.com", DEMO_PASSWORD));
        giftLinks();
    }

    /** Gift links of the paid article (decision 0034), by what they should do: only "valid" opens it. */
    private final Map<String, String> gifts = new LinkedHashMap<>();

    private void giftLinks() {
        Member giver = GiftArticlesTest.trialMember(accounts, trials);
        gifts.put("valid", giftsBean.give(giver.id(), PAID_ARTICLE).url());
        GiftLink expired = giftsBean.give(giver.id(), PAID_ARTICLE);
        jdbc.sql("UPDATE access_gift SET created_at = now() - interval '9 days', expires_at = now() - interval '1 day' WHERE id = ?")
                .param(expired.gift().id()).update();
        gifts.put("expired", expired.url());
        GiftLink revoked = giftsBean.give(giver.id(), PAID_ARTICLE);
        giftsBean.revoke(giver.id(), revoked.gift().id().toString());
        gifts.put("revoked", revoked.url());
        String other = giftsBean.give(giver.id(), OTHER_PAID).url();
        gifts.put("otherArticle", "/articles/" + PAID_ARTICLE + other.substring(other.indexOf('?')));
        gifts.put("garbage", "/articles/" + PAID_ARTICLE + "?gift=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        gifts.replaceAll((kind, url) -> url.replaceFirst("^https?://[^/]+", ""));
    }

    @Autowired
    Gifts giftsBean;

    record Expectation(String path, Map<String, Integer> status, Set<String> fullText, String article) {
    }

    @Test
    void everyRouteAsEveryReader() {
        Set<String> everyone = readers.keySet();
        Set<String> members = Set.of("free", "freeUnspent", "paid", "trial", "expiredTrial", "expert", "editor");
        Set<String> entitled = Set.of("paid", "trial", "expert", "editor");
        List<Expectation> matrix = List.of(
                open("/", null, Set.of()),
                open("/sections/world", null, Set.of()),
                open("/series/ukraine-talks", null, Set.of()),
                open("/plans", null, Set.of()),
                open("/login", null, Set.of()),
                open("/articles/" + FREE_ARTICLE, FREE_ARTICLE, everyone),
                open("/articles/" + FREE_ARTICLE + "/print", FREE_ARTICLE, everyone),
                open("/api/v1/articles/" + FREE_ARTICLE, FREE_ARTICLE, everyone),
                open("/articles/" + MEMBERS_ARTICLE, MEMBERS_ARTICLE, members),
                open("/articles/" + MEMBERS_ARTICLE + "/print", MEMBERS_ARTICLE, members),
                open("/api/v1/articles/" + MEMBERS_ARTICLE, MEMBERS_ARTICLE, members),
                open("/articles/" + PAID_ARTICLE, PAID_ARTICLE, entitled),
                open("/articles/" + PAID_ARTICLE + "/print", PAID_ARTICLE, entitled),
                open("/api/v1/articles/" + PAID_ARTICLE, PAID_ARTICLE, entitled),
                open("/api/v1/articles", null, Set.of()),
                // Gift links: the valid one opens the article for everyone, the others for no one who is not entitled;
                // the API is not a gift's page.
                open(gifts.get("valid"), PAID_ARTICLE, everyone),
                open(gifts.get("valid").replace("?gift=", "/print?gift="), PAID_ARTICLE, everyone),
                open(gifts.get("valid").replace("/articles/", "/api/v1/articles/"), PAID_ARTICLE, entitled),
                open(gifts.get("expired"), PAID_ARTICLE, entitled),
                open(gifts.get("revoked"), PAID_ARTICLE, entitled),
                open(gifts.get("otherArticle"), PAID_ARTICLE, entitled),
                open(gifts.get("garbage"), PAID_ARTICLE, entitled),
                open("/feeds/latest.xml", PAID_ARTICLE, Set.of()),
                open("/sitemap.xml", PAID_ARTICLE, Set.of()),
                new Expectation("/my/account", statuses(302, 200), Set.of(), null),
                new Expectation("/my/account/export.json", statuses(302, 200), Set.of(), null),
                // The editors' desk arrives with its own issue: closed to all but editors already.
                new Expectation("/editor/", Map.of("anonymous", 302, "free", 403, "freeUnspent", 403, "paid", 403, "trial", 403,
                        "expiredTrial", 403, "expert", 403, "editor", 404), Set.of(), null));

        List<String> mismatches = new ArrayList<>();
        for (Expectation row : matrix) {
            for (var reader : readers.entrySet()) {
                HttpResponse<String> answer = reader.getValue().get(row.path());
                int expected = row.status().get(reader.getKey());
                if (answer.statusCode() != expected) {
                    mismatches.add(row.path() + " as " + reader.getKey() + ": " + answer.statusCode() + " instead of " + expected);
                }
                if (row.article() != null && expected == 200) {
                    boolean full = readable(answer.body()).contains(lastWords(row.article()));
                    boolean shouldBeFull = row.fullText().contains(reader.getKey());
                    if (full != shouldBeFull) {
                        mismatches.add(row.path() + " as " + reader.getKey() + ": full text " + (full ? "present" : "absent"));
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /**
     * Routes that cannot send an article's text, left out of the leak test. Static assets and
     * actuator endpoints are not controller routes at all (they have handler mappings of their
     * own), so they never show up here; they are listed so that stays so.
     */
    static final List<String> NOT_READING_ROUTES = List.of(
            "/error",           // Spring Boot's error page for a request that already failed
            "/operator/",       // operator token API: the bearer token from the data directory or 401 (RebuildSearchCommandTest)
            "/test-actions/",   // RefusalsTest's probe (KawarabanTestConfiguration), not a route of the site
            "/api/v1/test-actions/",
            "/test-failures/",  // UnexpectedErrorsTest's failing page (KawarabanTestConfiguration)
            "/actuator/",       // health and metrics (own handler mapping)
            "/css/", "/js/", "/webjars/");  // static files (own handler mapping)

    /**
     * Values for the variables of GET routes, from the demo edition: by the path segment before
     * the variable and its name ({@code articles/{id}}), or by its name alone where that says
     * what it is ({@code {articleId}}). Each points at the paid article or something it belongs
     * to, so a listing or page that leaked it would show it.
     */
    private Map<String, String> routeValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("articles/{id}", PAID_ARTICLE);
        values.put("{articleId}", PAID_ARTICLE);
        values.put("sections/{code}", "world");
        values.put("series/{code}", "ukraine-talks");
        values.put("keywords/{name}", encode("ウクライナ停戦"));
        values.put("entities/{id}", "vladimir-putin");
        values.put("experts/{id}", accounts.findByEmail("expert@example.com").orElseThrow().id().toString());
        values.put("newsletters/{code}", "five-today");
        values.put("images/{id}", DEMO_FIGURE);
        values.put("{imageId}", DEMO_FIGURE);
        values.put("revisions/{to}", "1");
        values.put("{slug}", "terms");          // the standing pages and their form
        // Nothing in the demo edition to point at; the pages answer these readers before reading it.
        values.put("issues/{id}", "1");          // an editor's newsletter issue
        values.put("demo/{id}", "no-checkout");  // one member's demo checkout
        values.put("members/{id}", accounts.findByEmail("paid@example.com").orElseThrow().id().toString()); // administrators only
        return values;
    }

    /**
     * Every GET route of the application with its variables filled ({@link #routeValues()}),
     * except {@link #NOT_READING_ROUTES}. A route with a variable that cannot be filled fails
     * the test: a new route is in the leak test without anyone remembering it.
     */
    private List<String> everyGetRoute() {
        Map<String, String> values = routeValues();
        Set<String> paths = new java.util.TreeSet<>();
        List<String> unfillable = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : handlerMappings) {
            mapping.getHandlerMethods().keySet().stream()
                    .filter(route -> route.getMethodsCondition().getMethods().isEmpty()
                            || route.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                    .flatMap(route -> route.getPatternValues().stream())
                    .filter(pattern -> NOT_READING_ROUTES.stream().noneMatch(excluded ->
                            pattern.equals(excluded) || excluded.endsWith("/") && pattern.startsWith(excluded)))
                    .forEach(pattern -> {
                        String path = fill(pattern, values);
                        if (path == null) {
                            unfillable.add(pattern);
                        } else {
                            paths.add(path);
                        }
                    });
        }
        assertThat(unfillable).as("GET routes with a variable the leak test cannot fill: add a value to"
                + " AccessMatrixTest.routeValues() (or, if it cannot leak, the route to NOT_READING_ROUTES)").isEmpty();
        return List.copyOf(paths);
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    /** The pattern with each variable filled, or null when one has no value. */
    private static String fill(String pattern, Map<String, String> values) {
        if (pattern.contains("*")) {
            return null;
        }
        List<String> segments = List.of(pattern.split("/", -1));
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                path.append('/');
            }
            Matcher variable = VARIABLE.matcher(segments.get(i));
            StringBuilder segment = new StringBuilder();
            while (variable.find()) {
                String name = "{" + variable.group(1) + "}";
                String value = values.getOrDefault(i > 0 ? segments.get(i - 1) + "/" + name : name, values.get(name));
                if (value == null) {
                    return null;
                }
                variable.appendReplacement(segment, Matcher.quoteReplacement(value));
            }
            variable.appendTail(segment);
            path.append(segment);
        }
        return path.toString();
    }

    @Test
    void noPathSendsAPaidArticlesBodyBeyondThePreviewToReadersNotEntitled() {
        Article article = catalog.get(PAID_ARTICLE);
        List<String> hidden = textBeyondPreview(article);
        assertThat(hidden).isNotEmpty();
        List<String> routes = everyGetRoute();
        assertThat(routes).as("routes once forgotten in a list kept by hand").contains(
                "/api/v1/articles/" + PAID_ARTICLE + "/recommendations", "/api/v1/articles/" + PAID_ARTICLE + "/commentary",
                "/api/v1/experts/" + routeValues().get("experts/{id}"), "/my/news");
        List<String> paths = new ArrayList<>(routes);
        // Every gift link that must not open the article (the valid one opens it for anyone, by design).
        gifts.entrySet().stream().filter(gift -> !gift.getKey().equals("valid")).map(Map.Entry::getValue).forEach(paths::add);
        paths.addAll(List.of("/api/v1/articles?section=world",
                // search pages and API, asked for words that only the hidden part contains
                "/search?q=" + encode(hidden.getFirst()), "/api/v1/search?q=" + encode(hidden.getFirst()),
                "/search?q=" + encode(hidden.getLast()), "/api/v1/search?q=" + encode(hidden.getLast())));
        List<String> leaks = new ArrayList<>();
        for (String reader : List.of("anonymous", "free", "freeUnspent", "expiredTrial")) {
            for (String path : paths) {
                String body = readers.get(reader).get(path).body();
                if (path.startsWith("/search")) {
                    // The page repeats what the reader typed; what matters is what came back.
                    body = org.jsoup.Jsoup.parse(body).select(".results").html();
                }
                // The HTML and its text both: entity links added to the body split the HTML of a sentence.
                String html = body;
                String text = readable(body);
                hidden.stream().filter(hiddenText -> html.contains(hiddenText) || text.contains(hiddenText))
                        .forEach(leaked -> leaks.add(path + " as " + reader + " leaks: " + leaked));
            }
        }
        assertThat(leaks).isEmpty();
        // The page's own metadata says what is behind the paywall, for search engines.
        String page = readers.get("anonymous").get("/articles/" + PAID_ARTICLE).body();
        assertThat(page).contains("\"isAccessibleForFree\":false").contains("\"cssSelector\":\".paywall\"");
        assertThat(org.jsoup.Jsoup.parse(page).selectFirst("meta[property=og:description]").attr("content"))
                .isEqualTo(article.content().lead());
    }

    @Test
    void theNonEntitledSeeThePaywallWithTheWaysIn() {
        var anonymous = readers.get("anonymous").page("/articles/" + PAID_ARTICLE);
        assertThat(anonymous.selectFirst("aside.paywall .paywall-title").text()).isEqualTo("この記事は有料会員限定です");
        // Every way in comes back to this article: the trial through the sign-up, and the log-in.
        assertThat(anonymous.select("aside.paywall a").eachAttr("href"))
                .contains("/plans", "/login?next=%2Farticles%2F" + PAID_ARTICLE, "/signup?next=%2Farticles%2F" + PAID_ARTICLE);
        assertThat(anonymous.selectFirst("aside.paywall a.trial").attr("href")).isEqualTo("/signup?next=%2Farticles%2F" + PAID_ARTICLE);
        assertThat(anonymous.select("aside.paywall form")).as("an anonymous page has no forms: it stays cacheable").isEmpty();
        var free = readers.get("free").page("/articles/" + PAID_ARTICLE);
        assertThat(free.selectFirst("aside.paywall .paywall-allowance").text()).contains("1 本はお読みになりました");
        assertThat(free.select("aside.paywall button.use-allowance")).as("nothing left to spend").isEmpty();
        assertThat(free.select("aside.paywall a.login")).isEmpty();
        assertThat(free.selectFirst("aside.paywall form.paywall-trial-form input[name=next]").val())
                .isEqualTo("/articles/" + PAID_ARTICLE);
        // Who is in a trial, or whose trial has ended, is not offered one.
        assertThat(readers.get("expiredTrial").page("/articles/" + PAID_ARTICLE).select("aside.paywall .trial")).isEmpty();
        var membersOnly = readers.get("anonymous").page("/articles/" + MEMBERS_ARTICLE);
        assertThat(membersOnly.selectFirst("aside.paywall .paywall-title").text()).isEqualTo("この記事は会員限定です");
        assertThat(membersOnly.select("aside.paywall a").eachAttr("href")).contains("/signup?next=%2Farticles%2F" + MEMBERS_ARTICLE);
    }

    @Test
    void pagesForMembersAreNeverStoredByCachesAnonymousOnesBriefly() {
        HttpResponse<String> anonymous = new WebSession(port).get("/articles/" + PAID_ARTICLE);
        assertThat(anonymous.headers().firstValue("Cache-Control")).hasValue(site.publicCache().getHeaderValue());
        assertThat(anonymous.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).containsIgnoringCase("cookie"));
        assertThat(anonymous.headers().allValues("Set-Cookie")).as("an anonymous page opens no session").isEmpty();
        assertThat(readers.get("paid").get("/articles/" + PAID_ARTICLE).headers().firstValue("Cache-Control").orElseThrow())
                .contains("no-store").contains("private");
        assertThat(readers.get("paid").get("/api/v1/articles/" + PAID_ARTICLE).headers().firstValue("Cache-Control").orElseThrow())
                .contains("no-store");
    }

    @Test
    void aFreeMembersMonthlyAllowanceIsSpentOnlyWhenAskedAndCountsEachArticleOnce() {
        WebSession free = newFreeMember();
        // Opening the paid article spends nothing: the box asks first, with the real count.
        var asked = free.page("/articles/" + PAID_ARTICLE);
        assertThat(asked.html()).doesNotContain(lastWords(PAID_ARTICLE));
        assertThat(asked.selectFirst("aside.paywall button.use-allowance").text()).isEqualTo("今月の無料枠（残り1本）を使って読む");
        assertThat(free.page("/my/account").selectFirst(".allowance").text()).as("opening spent nothing").contains("あと 1 本");
        assertThat(free.get("/api/v1/articles/" + PAID_ARTICLE).body()).as("nor does the API's read")
                .contains("\"previewOnly\":true")
                .contains("\"allowance\":{\"left\":1,\"unlock\":\"/api/v1/articles/" + PAID_ARTICLE + "/unlock\"}")
                .doesNotContain(lastWords(PAID_ARTICLE));

        HttpResponse<String> used = free.submit("/articles/" + PAID_ARTICLE, "/articles/" + PAID_ARTICLE + "/allowance", Map.of());
        assertThat(used.statusCode()).isEqualTo(302);
        assertThat(used.headers().firstValue("Location").orElseThrow()).endsWith("/articles/" + PAID_ARTICLE);
        var first = free.page("/articles/" + PAID_ARTICLE);
        assertThat(first.select("aside.paywall")).isEmpty();
        assertThat(first.html()).contains(lastWords(PAID_ARTICLE));
        assertThat(first.selectFirst(".allowance-note").text()).contains("今月あと 0 本");
        assertThat(free.page("/articles/" + PAID_ARTICLE).select("aside.paywall")).as("the same article again").isEmpty();
        assertThat(free.get("/api/v1/articles/" + PAID_ARTICLE).body()).as("and through the API")
                .contains("\"previewOnly\":false");
        var other = free.page("/articles/" + OTHER_PAID);
        assertThat(other.select("aside.paywall")).hasSize(1);
        assertThat(other.select("aside.paywall button.use-allowance")).as("none left to offer").isEmpty();
        // Asking anyway (a form left open in another tab) is refused in words, and spends nothing.
        HttpResponse<String> refused = free.post("/articles/" + OTHER_PAID + "/allowance",
                Map.of("_csrf", first.selectFirst("input[name=_csrf]").val()));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("今月の無料枠は、ほかの記事ですでに使い切りました");
        assertThat(free.page("/articles/" + OTHER_PAID).html()).doesNotContain(lastWords(OTHER_PAID));
        assertThat(free.page("/my/account").selectFirst(".allowance").text()).contains("あと 0 本");
    }

    @Test
    void aTrialIsTakenOncePerCampaignAndEndsByItselfOnTime() {
        Member member = accounts.createVerified(unique(), DEMO_PASSWORD, "体験 会員", Set.of());
        String campaign = trials.openCampaigns().getFirst().code();
        assertThat(trials.start(member.id(), "no-such-campaign")).isEqualTo(Trials.Outcome.UNKNOWN_CAMPAIGN);
        assertThat(trials.start(member.id(), campaign)).isEqualTo(Trials.Outcome.STARTED);
        assertThat(trials.start(member.id(), campaign)).isEqualTo(Trials.Outcome.ALREADY_SUBSCRIBED);
        endTrialNow(member);
        assertThat(ledger.settleDue()).isGreaterThanOrEqualTo(1);
        assertThat(trials.start(member.id(), campaign)).isEqualTo(Trials.Outcome.ALREADY_TAKEN);
        assertThat(jdbc.sql("SELECT to_state FROM access_subscription_audit WHERE member_id = ? ORDER BY id")
                .param(member.id().value()).query(String.class).list()).containsExactly("TRIALING", "EXPIRED");

        trials.saveCampaign(new Campaign("closed-test", "終了したキャンペーン", "説明", Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2020-02-01T00:00:00Z"), 7));
        assertThat(trials.start(member.id(), "closed-test")).isEqualTo(Trials.Outcome.CAMPAIGN_CLOSED);
    }

    @Test
    void aTrialMemberWhoPaysBecomesActiveWhenTheTrialEnds() {
        Member member = accounts.createVerified(unique(), DEMO_PASSWORD, "体験 会員", Set.of());
        WebSession session = WebSession.loggedIn(port, member.email(), DEMO_PASSWORD);
        String campaign = trials.openCampaigns().getFirst().code();
        HttpResponse<String> started = session.submit("/plans", "/plans/trial", Map.of("campaign", campaign));
        assertThat(started.body()).contains("無料体験を始めました");
        HttpResponse<String> again = session.submit("/plans", "/plans/trial", Map.of("campaign", campaign));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("すでに有料会員またはお試し期間中です");

        String checkout = session.submit("/plans", "/billing/checkout", Map.of("plan", "MONTHLY"))
                .headers().firstValue("Location").orElseThrow();
        String demoPage = session.local(checkout);
        assertThat(session.page(demoPage).selectFirst(".notice").text()).contains("月額プラン");
        assertThat(session.submit(demoPage, demoPage, Map.of()).headers().firstValue("Location").orElseThrow())
                .endsWith("/my/account?paid");
        assertThat(session.submit(demoPage, demoPage, Map.of()).statusCode()).as("a completed checkout is gone").isEqualTo(404);
        var account = session.page("/my/account");
        assertThat(account.selectFirst(".state").attr("data-state")).isEqualTo("TRIALING");
        assertThat(account.selectFirst(".trial-paid")).isNotNull();

        endTrialNow(member);
        ledger.settleDue();
        assertThat(session.page("/my/account").selectFirst(".state").attr("data-state")).isEqualTo("ACTIVE");
        assertThat(session.page("/articles/" + PAID_ARTICLE).select("aside.paywall")).isEmpty();
    }

    @Test
    void badPlanAndCampaignInputsAreRefusedWithAMessage() {
        Member member = accounts.createVerified(unique(), DEMO_PASSWORD, "会員", Set.of());
        WebSession session = WebSession.loggedIn(port, member.email(), DEMO_PASSWORD);
        HttpResponse<String> badPlan = session.submit("/plans", "/billing/checkout", Map.of("plan", "GOLD"));
        assertThat(badPlan.statusCode()).isEqualTo(400);
        HttpResponse<String> badCampaign = session.submit("/plans", "/plans/trial", Map.of("campaign", "nope"));
        assertThat(badCampaign.statusCode()).isEqualTo(404);
        assertThat(badCampaign.body()).contains("そのキャンペーンは見つかりません");
        assertThat(readers.get("anonymous").get("/billing/demo/does-not-exist").statusCode()).isEqualTo(302);
        assertThat(session.get("/billing/demo/does-not-exist").statusCode()).isEqualTo(404);
    }

    @Test
    void actionsAreDecidedByRoleAndSubscription() {
        Entitlements entitlements = entitlementsBean;
        Reader anonymous = Reader.anonymous();
        Reader free = reader("free");
        Reader paid = reader("paid");
        Reader expert = reader("expert");
        assertThat(entitlements.mayUse(anonymous, Action.SAVE_ARTICLE).refusal()).isEqualTo(ActionAccess.Refusal.LOG_IN);
        assertThat(entitlements.mayUse(free, Action.FOLLOW).refusal()).isEqualTo(ActionAccess.Refusal.PAID_ONLY);
        assertThat(entitlements.mayUse(free, Action.READ_COMMENTARY).allowed()).isTrue();
        assertThat(entitlements.mayUse(anonymous, Action.READ_COMMENTARY).refusal()).isEqualTo(ActionAccess.Refusal.LOG_IN);
        assertThat(entitlements.mayUse(paid, Action.SAVE_FIGURE).allowed()).isTrue();
        assertThat(entitlements.mayUse(paid, Action.WRITE_COMMENTARY).refusal()).isEqualTo(ActionAccess.Refusal.NOT_PERMITTED);
        assertThat(entitlements.mayUse(expert, Action.WRITE_COMMENTARY).allowed()).isTrue();
    }

    @Autowired
    Entitlements entitlementsBean;

    private Reader reader(String demo) {
        Member member = accounts.findByEmail(demo + "@example.com").orElseThrow();
        return new Reader(member.id(), member.roles());
    }

    private WebSession freeMemberWithAllowanceUsed() {
        WebSession free = newFreeMember();
        useAllowance(free, OTHER_PAID);
        assertThat(free.page("/articles/" + OTHER_PAID).select("aside.paywall")).isEmpty();
        return free;
    }

    /** Presses the paywall's 「今月の無料枠…を使って読む」 button of that article. */
    static void useAllowance(WebSession member, String article) {
        assertThat(member.submit("/articles/" + article, "/articles/" + article + "/allowance", Map.of()).statusCode())
                .isEqualTo(302);
    }

    private WebSession newFreeMember() {
        Member member = accounts.createVerified(unique(), DEMO_PASSWORD, "無料 会員", Set.of());
        return WebSession.loggedIn(port, member.email(), DEMO_PASSWORD);
    }

    private WebSession expiredTrialMember() {
        Member member = accounts.createVerified(unique(), DEMO_PASSWORD, "体験終了 会員", Set.of());
        assertThat(trials.start(member.id(), trials.openCampaigns().getFirst().code())).isEqualTo(Trials.Outcome.STARTED);
        endTrialNow(member);
        ledger.settleDue();
        WebSession session = WebSession.loggedIn(port, member.email(), DEMO_PASSWORD);
        // Use the allowance, so the paid article shows what an expired trial sees once it is spent.
        useAllowance(session, OTHER_PAID);
        return session;
    }

    private void endTrialNow(Member member) {
        jdbc.sql("UPDATE access_subscription SET trial_ends_at = ? WHERE member_id = ?")
                .params(Timestamp.from(clock.instant().minusSeconds(1)), member.id().value()).update();
    }

    private Map<String, Integer> statuses(int anonymous, int members) {
        Map<String, Integer> status = new LinkedHashMap<>();
        readers.keySet().forEach(kind -> status.put(kind, kind.equals("anonymous") ? anonymous : members));
        return status;
    }

    private Expectation open(String path, String article, Set<String> fullText) {
        return new Expectation(path, statuses(200, 200), fullText, article);
    }

    /** An answer as read: the text of a page (links added to the body do not split it), or a JSON or XML answer as sent. */
    private static String readable(String body) {
        return body.stripLeading().startsWith("<!DOCTYPE html") ? org.jsoup.Jsoup.parse(body).text() : body;
    }

    /** The closing words of the article's last paragraph: present only when the whole body is. */
    private String lastWords(String id) {
        List<Block> blocks = catalog.get(id).content().body().blocks();
        String last = blocks.reversed().stream().filter(b -> b instanceof Block.Paragraph)
                .map(b -> ((Block.Paragraph) b).text()).findFirst().orElseThrow();
        return last.substring(Math.max(0, last.length() - 25));
    }

    /** Text of the body that the preview does not contain: the tail of every paragraph or heading beyond it. */
    private List<String> textBeyondPreview(Article article) {
        List<Block> preview = article.content().body().opening(site.previewCharacters());
        List<String> hidden = new ArrayList<>();
        for (Block block : article.content().body().blocks()) {
            if (preview.contains(block)) {
                continue;
            }
            String text = switch (block) {
                case Block.Paragraph p -> p.text();
                case Block.Heading h -> h.text();
                default -> null;
            };
            if (text != null && text.length() >= 8) {
                hidden.add(text.substring(Math.max(0, text.length() - 20)));
            }
        }
        return hidden;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String id(String slug) {
        return ArticleId.derivedFrom("demo:" + slug).value();
    }

    private static String unique() {
        return "access-" + UUID.randomUUID() + "@example.com";
    }
}
