package jp.kawaraban.command;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kawaraban.member.Member;
import jp.kawaraban.platform.Refusal;
import jp.kawaraban.platform.operator.OperatorToken;
import jp.kawaraban.setup.PublicationSetup;
import jp.kawaraban.setup.SetupRefusal;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar kawaraban.jar setup [--name=NAME --base-url=URL --admin-email=EMAIL] ...}:
 * the first start of a newspaper. What the options leave out is asked on the terminal; the
 * administrator's password comes from {@code KAWARABAN_ADMIN_PASSWORD}, else it is asked
 * without echo. The input is checked before anything starts; then the site running on the
 * data directory is set up (through {@code /operator/setup}), or, with none running, the
 * application is started here for it, without the demo edition. Exit code 0 when set up,
 * 1 on bad input or a failure, 2 when the installation was set up already (nothing changed).
 */
final class SetupCommand {

    static final String NAME = "setup";
    static final String USAGE = """
            usage: java -jar kawaraban.jar setup [--name=NAME] [--base-url=URL] [--admin-email=EMAIL]
                   [--sections=code:名前,...] [--postal-address=ADDRESS] [--data-dir=DIR]
              The password comes from KAWARABAN_ADMIN_PASSWORD, else it is asked on the terminal.
              Sections default to %s.""".formatted(PublicationSetup.starterList());
    static final String PASSWORD_VARIABLE = "KAWARABAN_ADMIN_PASSWORD";
    static final int ALREADY_SET_UP = 2;

    private final Path dataDir;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Console console;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    /** @param console the terminal to ask on, or null when there is none (a script) */
    SetupCommand(Path dataDir, PrintStream out, PrintStream err, Map<String, String> environment, Console console) {
        this.dataDir = dataDir;
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.console = console;
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    int run(String[] args, Class<?> application) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> passed = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String option = equals < 0 ? arg : arg.substring(0, equals);
            switch (option) {
                case "--name", "--base-url", "--admin-email", "--sections", "--postal-address" -> {
                    if (equals < 0) {
                        return usage("Give " + option + " a value: " + option + "=…");
                    }
                    options.put(option, arg.substring(equals + 1));
                }
                case "--data-dir", "--kawaraban.data-dir" -> {
                    // found by DataDirectory
                }
                default -> {
                    if (arg.startsWith("--") && equals > 0) {
                        passed.add(arg); // the application's own configuration, e.g. --spring.datasource.url=…
                    } else {
                        return usage("Unknown option: " + arg);
                    }
                }
            }
        }
        PublicationSetup.Request request;
        try {
            request = new PublicationSetup.Request(
                    value(options, "--name", "新聞の名前 (name of the paper): "),
                    value(options, "--base-url", "公開アドレス (public address, e.g. https://news.example.jp): "),
                    value(options, "--admin-email", "管理者のメールアドレス (administrator's email): "),
                    password(),
                    optional(options, "--sections",
                            "最初のセクション (sections; Enter for " + PublicationSetup.starterList() + "): "),
                    optional(options, "--postal-address",
                            "メールマガジンに記載する住所 (postal address for newsletters; Enter to set it later): "));
        } catch (MissingInput missing) {
            return usage(missing.getMessage());
        }
        try {
            PublicationSetup.check(request);
        } catch (SetupRefusal refused) {
            err.println(worded(refused));
            return 1;
        }
        Path operatorFile = dataDir.resolve(OperatorToken.FILE);
        if (Files.exists(operatorFile)) {
            try {
                return remote(request);
            } catch (ConnectException gone) {
                err.println("No site answers at the address in " + operatorFile + " (stopped without cleaning up?); setting up here instead.");
            } catch (IOException | RuntimeException unreachable) {
                err.println("Could not reach the running site: " + unreachable.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }
        return local(request, passed, application);
    }

    private int remote(PublicationSetup.Request request) throws IOException, InterruptedException {
        OperatorSite.Running site = OperatorSite.running(dataDir).orElseThrow();
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(URI.create(site.url() + "/operator/setup"))
                        .header("Authorization", site.authorization())
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(1))
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request), StandardCharsets.UTF_8))
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode answer = json.readTree(response.body());
        if (response.statusCode() == 200) {
            return done(site.url(), answer.get("admin").asString());
        }
        if (answer != null && answer.has("error")) {
            err.println(answer.get("error").asString());
            return response.statusCode() == Refusal.Kind.CONFLICT.status() ? ALREADY_SET_UP : 1;
        }
        err.println("The site answered " + response.statusCode() + " to the setup request.");
        return 1;
    }

    private int local(PublicationSetup.Request request, List<String> passed, Class<?> application) {
        err.println("No site is running on " + dataDir + ": starting the application here to set it up.");
        List<String> arguments = new ArrayList<>(passed);
        if (arguments.stream().noneMatch(arg -> arg.startsWith("--kawaraban.demo="))) {
            arguments.add("--kawaraban.demo=false"); // a newspaper, not the demo edition
        }
        try (var context = OperatorSite.start(application, dataDir, arguments)) {
            Member admin = context.getBean(PublicationSetup.class).setUp(request);
            return done(request.baseUrl(), admin.email());
        } catch (SetupRefusal refused) {
            err.println(worded(refused));
            return refused.kind() == Refusal.Kind.CONFLICT ? ALREADY_SET_UP : 1;
        }
    }

    private int done(String site, String admin) {
        out.println("セットアップが完了しました。管理者 " + admin + " でログインできます。 / Set up: log in as " + admin + ".");
        out.println("Start the site with the same data directory; the administrator's pages are at " + site + "/admin.");
        return 0;
    }

    private static final class MissingInput extends RuntimeException {
        MissingInput(String message) {
            super(message);
        }
    }

    private String value(Map<String, String> options, String option, String prompt) {
        String given = options.get(option);
        if (given != null) {
            return given;
        }
        if (console == null) {
            throw new MissingInput("Give " + option + "=… (there is no terminal to ask on).");
        }
        return ask(prompt);
    }

    /** An option that may stay empty: given, else asked on the terminal, else empty. */
    private String optional(Map<String, String> options, String option, String prompt) {
        String given = options.get(option);
        if (given != null) {
            return given;
        }
        return console == null ? "" : ask(prompt);
    }

    private String ask(String prompt) {
        String answer = console.readLine("%s", prompt);
        return answer == null ? "" : answer.strip();
    }

    private String password() {
        String fromEnvironment = environment.get(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        if (console == null) {
            throw new MissingInput("Set " + PASSWORD_VARIABLE + " (there is no terminal to ask for the password on).");
        }
        char[] first = console.readPassword("管理者のパスワード (administrator's password): ");
        char[] again = console.readPassword("もう一度 (again): ");
        if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
            throw new MissingInput("The two passwords differ. / パスワードが一致しません。");
        }
        return new String(first);
    }

    private int usage(String problem) {
        err.println(problem);
        err.println(USAGE);
        return 1;
    }

    private String worded(Refusal refused) {
        return messages.getMessage(refused.messageKey(), refused.arguments(), java.util.Locale.JAPANESE);
    }
}
