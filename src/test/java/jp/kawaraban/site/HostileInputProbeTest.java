package jp.kawaraban.site;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.kawaraban.KawarabanTest;
import jp.kawaraban.Multipart;
import jp.kawaraban.WebSession;
import jp.kawaraban.access.Trials;
import jp.kawaraban.member.Accounts;
import jp.kawaraban.member.Member;
import jp.kawaraban.member.Role;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile characters in every input the application has: every route of every handler
 * mapping (found, not listed by hand), each path variable, request parameter, form field and
 * JSON string in turn set to a NUL byte, another C0 control, DEL, a byte that is no UTF-8, a
 * lone surrogate or a character cut in half — as an anonymous reader, a member and a member
 * of staff (editor, administrator and expert at once), with a valid CSRF token so each request
 * reaches as far as it can. Nothing may answer 5xx. Also the log-in form, which Spring
 * Security reads before any handler, and cookies the application decodes.
 * <p>
 * Every request carries a hostile value, so (with the edge refusing them) none of them
 * changes anything; the accounts are the test's own all the same, and path variables of
 * requests that would change something point at things that do not exist.
 */
@KawarabanTest
class HostileInputProbeTest {

    /** As they go on the wire (percent-encoded). */
    static final List<String> HOSTILE = List.of("a%00b", "a%01b", "a%1Bb", "a%7Fb", "a%FFb", "a%ED%A0%80b", "a%E3%81");
    /** As they go in a JSON string. */
    static final List<String> HOSTILE_JSON = List.of("a\\u0000b", "a\\u0001b", "a\\u007Fb", "a\\uD800b");

    @LocalServerPort
    int port;
    @Autowired
    List<RequestMappingHandlerMapping> handlerMappings;
    @Autowired
    Accounts accounts;
    @Autowired
    Trials trials;

    record Reader(String name, WebSession session, String csrf) {
    }

    record Probe(String method, String pattern, String slot, HandlerMethod handler) {
    }

    @Test
    void noInputAnywhereGetsAServerError() {
        List<Reader> readers = List.of(reader("anonymous", new WebSession(port)),
                reader("member", member(Set.of())),
                reader("staff", member(Set.of(Role.EDITOR, Role.ADMIN, Role.EXPERT))));
        List<Probe> probes = probes();
        // NUL (what broke) as the anonymous reader and as staff, who get furthest; the other
        // values in turn, as the member and as staff. Each reader sends from a thread of its own.
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        List<String> others = HOSTILE.subList(1, HOSTILE.size());
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(readers.size())) {
            for (int r = 0; r < readers.size(); r++) {
                Reader reader = readers.get(r);
                int offset = r;
                sent.add(threads.submit(() -> {
                    for (int i = 0; i < probes.size(); i++) {
                        Probe probe = probes.get(i);
                        List<String> values = switch (reader.name()) {
                            case "anonymous" -> List.of(HOSTILE.getFirst());
                            case "member" -> List.of(others.get((i + offset) % others.size()));
                            default -> List.of(HOSTILE.getFirst(), others.get((i + offset) % others.size()));
                        };
                        for (String value : values) {
                            HttpResponse<String> answer = send(reader, probe, value);
                            requests.incrementAndGet();
                            if (answer.statusCode() >= 500) {
                                failures.add(answer.statusCode() + " " + probe.method() + " " + probe.pattern() + " ["
                                        + probe.slot() + "=" + value + "] as " + reader.name());
                            }
                        }
                    }
                    return null;
                }));
            }
        }
        sent.forEach(HostileInputProbeTest::succeeded);
        for (Reader reader : readers) {
            for (String value : HOSTILE) {
                requests.incrementAndGet();
                HttpResponse<String> login = reader.session().send(HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email=" + value + "&password=" + value + "&next=/" + value
                                + "&_csrf=" + encode(reader.csrf()))).build());
                if (login.statusCode() >= 500) {
                    failures.add(login.statusCode() + " POST /login [email, password, next=" + value + "] as " + reader.name());
                }
            }
        }
        for (String cookie : List.of("KAWARABAN_SESSION=" + encoded("a\u0000b"), "KAWARABAN_REMEMBER=" + encoded("a\u0000b:c"),
                "KAWARABAN_SESSION=" + encoded("a\u0001b"))) {
            requests.incrementAndGet();
            HttpResponse<String> answer = new WebSession(port).send(HttpRequest.newBuilder(uri("/my/saved"))
                    .header("Cookie", cookie).GET().build());
            if (answer.statusCode() >= 500) {
                failures.add(answer.statusCode() + " GET /my/saved [Cookie " + cookie + "]");
            }
        }
        assertThat(requests.get()).as("requests sent").isGreaterThan(1000);
        assertThat(failures).as("server errors for hostile input, of " + requests + " requests").isEmpty();
    }

    private static void succeeded(java.util.concurrent.Future<?> done) {
        try {
            done.get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reader reader(String name, WebSession session) {
        Element token = session.page("/my/account").selectFirst("input[name=_csrf]");
        if (token == null) {
            token = session.page("/login").selectFirst("input[name=_csrf]");
        }
        assertThat(token).as("a CSRF token for " + name).isNotNull();
        return new Reader(name, session, token.val());
    }

    private WebSession member(Set<Role> roles) {
        String email = "probe-" + UUID.randomUUID() + "@example.com";
        Member member = accounts.createVerified(email, KawarabanTest.DEMO_PASSWORD, "試験 会員", roles);
        trials.start(member.id(), trials.openCampaigns().getFirst().code()); // a paying reader's features
        return WebSession.loggedIn(port, email, KawarabanTest.DEMO_PASSWORD);
    }

    /** Every route, method and input slot of every handler method. */
    private List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : handlerMappings) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> route : mapping.getHandlerMethods().entrySet()) {
                Set<RequestMethod> methods = route.getKey().getMethodsCondition().getMethods();
                List<String> verbs = methods.isEmpty() ? List.of("GET", "POST")
                        : methods.stream().map(Enum::name).filter(m -> !m.equals("HEAD") && !m.equals("OPTIONS")).toList();
                for (String pattern : route.getKey().getPatternValues()) {
                    if (pattern.contains("*") || pattern.equals("/error")) {
                        continue;
                    }
                    for (String verb : verbs) {
                        for (String slot : slots(pattern, route.getValue())) {
                            probes.add(new Probe(verb, pattern, slot, route.getValue()));
                        }
                    }
                }
            }
        }
        assertThat(probes).as("probes").hasSizeGreaterThan(200);
        return probes;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    /** Path variables ({@code path:id}), parameters and form fields ({@code id}), JSON members ({@code json:id}). */
    private static Set<String> slots(String pattern, HandlerMethod handler) {
        Set<String> slots = new LinkedHashSet<>();
        Matcher variable = VARIABLE.matcher(pattern);
        while (variable.find()) {
            slots.add("path:" + variable.group(1));
        }
        parameters(handler).forEach((name, type) -> slots.add(type.startsWith("json:") ? "json:" + name : name));
        slots.add("unexpected"); // handlers that read the request's parameters themselves
        return slots;
    }

    /** The handler's inputs by name: their Java type's simple name, {@code file}, or {@code json:Type}. */
    private static Map<String, String> parameters(HandlerMethod handler) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            Class<?> type = parameter.getParameterType();
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (requestParam != null) {
                String name = requestParam.name().isEmpty() ? parameter.getParameterName() : requestParam.name();
                inputs.put(name, MultipartFile.class.isAssignableFrom(type) ? "file" : type.getSimpleName());
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class) && type.isRecord()) {
                for (RecordComponent field : type.getRecordComponents()) {
                    inputs.put(field.getName(), field.getType().getSimpleName());
                }
            } else if (parameter.hasParameterAnnotation(RequestBody.class) && type.isRecord()) {
                for (RecordComponent field : type.getRecordComponents()) {
                    inputs.put(field.getName(), "json:" + field.getType().getSimpleName());
                }
            }
        }
        return inputs;
    }

    private HttpResponse<String> send(Reader reader, Probe probe, String value) {
        boolean changes = !probe.method().equals("GET");
        String path = path(probe, value, changes);
        Map<String, String> inputs = parameters(probe.handler());
        boolean json = inputs.values().stream().anyMatch(t -> t.startsWith("json:"));
        boolean multipart = inputs.containsValue("file");
        Map<String, String> fields = new LinkedHashMap<>();
        inputs.forEach((name, type) -> {
            if (!type.equals("file") && !type.startsWith("json:")) {
                fields.put(name, encode(plausible(name, type)));
            }
        });
        if (!probe.slot().startsWith("path:") && !probe.slot().startsWith("json:")) {
            fields.put(probe.slot(), value);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder().header("X-CSRF-TOKEN", reader.csrf());
        if (!changes || json) {
            String query = fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
            request.uri(uri(path + (query.isEmpty() ? "" : "?" + query)));
        } else {
            request.uri(uri(path));
        }
        if (json) {
            StringBuilder body = new StringBuilder("{");
            inputs.forEach((name, type) -> {
                if (type.startsWith("json:")) {
                    body.append(body.length() > 1 ? "," : "").append('"').append(name).append("\":\"")
                            .append(probe.slot().equals("json:" + name) ? jsonValue(value) : plausible(name, "String")).append('"');
                }
            });
            request.header("Content-Type", "application/json")
                    .method(probe.method(), HttpRequest.BodyPublishers.ofString(body.append('}').toString()));
        } else if (!changes) {
            request.GET();
        } else if (multipart) {
            Multipart form = new Multipart();
            fields.forEach((name, v) -> form.rawField(name, decodeBytes(v)));
            form.field("_csrf", reader.csrf());
            inputs.forEach((name, type) -> {
                if (type.equals("file")) {
                    form.file(name, "probe.html", "text/html", "<h1>試験</h1><p>試験の本文です。</p>".getBytes(StandardCharsets.UTF_8));
                }
            });
            return form.post(reader.session(), path, Map.of());
        } else {
            String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"))
                    + "&_csrf=" + encode(reader.csrf());
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(probe.method(), HttpRequest.BodyPublishers.ofString(body));
        }
        return reader.session().send(request.build());
    }

    /** The pattern with its variables filled: with things that exist for reading, that do not for changes. */
    private static String path(Probe probe, String value, boolean changes) {
        Matcher variable = VARIABLE.matcher(probe.pattern());
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String filled = probe.slot().equals("path:" + name) ? value
                    : changes ? "999999" : encode(existing(probe.pattern(), name));
            variable.appendReplacement(path, Matcher.quoteReplacement(filled));
        }
        variable.appendTail(path);
        return path.toString();
    }

    private static String existing(String pattern, String variable) {
        String before = pattern.substring(0, pattern.indexOf("{" + variable));
        String segment = before.replaceAll("/$", "").replaceAll(".*/", "");
        return switch (segment + "/" + variable) {
            case "articles/id", "commentary/articleId" -> "riyadh-talks-analysis";
            case "sections/code" -> "world";
            case "series/code" -> "ukraine-talks";
            case "keywords/name" -> "ウクライナ停戦";
            case "entities/id" -> "vladimir-putin";
            case "newsletters/code" -> "five-today";
            case "images/id" -> "demo-us-russia-talks-2025-timeline.svg";
            default -> variable.equals("articleId") ? "riyadh-talks-analysis"
                    : variable.equals("imageId") ? "demo-us-russia-talks-2025-timeline.svg" : "1";
        };
    }

    /** A value the handler would accept for an input other than the one probed. */
    private static String plausible(String name, String type) {
        return switch (type) {
            case "int", "Integer", "long", "Long" -> "1";
            case "boolean", "Boolean" -> "false";
            default -> switch (name) {
                case "email", "newEmail" -> "probe-" + UUID.randomUUID() + "@example.com";
                case "password", "currentPassword", "newPassword" -> "not-the-password-0";
                case "next", "back" -> "/";
                case "kind" -> "keyword";
                case "mode" -> "dry-run";
                default -> "試験";
            };
        };
    }

    private static String jsonValue(String wire) {
        int index = HOSTILE.indexOf(wire);
        return HOSTILE_JSON.get(Math.max(0, index) % HOSTILE_JSON.size());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String encoded(String cookieValue) {
        return Base64.getEncoder().encodeToString(cookieValue.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes a percent-encoded value stands for, as they go in a multipart field. */
    private static byte[] decodeBytes(String wire) {
        var bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < wire.length(); i++) {
            char c = wire.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(wire.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }
}
