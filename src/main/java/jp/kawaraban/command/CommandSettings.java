package jp.kawaraban.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * The application's configuration as the site would see it — {@code --name=value} arguments,
 * environment variables ({@code SPRING_DATASOURCE_URL}), {@code application.properties} next to
 * the jar and inside it — for commands that work on the database without starting the site.
 */
final class CommandSettings {

    private final ConfigurableEnvironment environment;

    private CommandSettings(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    /**
     * A backup or restore command's arguments: the one file option ({@code --to=} or
     * {@code --from=}), the data directory (read by {@link DataDirectory}, skipped here), and any
     * {@code --name=value} setting passed on to the application's configuration.
     */
    record Arguments(Path file, List<String> settings) {
    }

    /** The arguments, or {@code null} after naming the first unknown one on {@code err}. */
    static Arguments parse(String[] args, String fileOption, PrintStream err, String usage) {
        Path file = null;
        List<String> settings = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith(fileOption)) {
                file = Path.of(arg.substring(fileOption.length()));
            } else if (arg.startsWith("--data-dir=") || arg.startsWith("--kawaraban.data-dir=")) {
                continue; // found by DataDirectory
            } else if (arg.startsWith("--") && arg.contains("=")) {
                settings.add(arg);
            } else {
                err.println("Unknown argument: " + arg);
                err.println(usage);
                return null;
            }
        }
        return new Arguments(file, settings);
    }

    static CommandSettings of(List<String> args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args.toArray(String[]::new)));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        return new CommandSettings(environment);
    }

    /** The external PostgreSQL's URL, or {@code null} for the embedded database. */
    String datasourceUrl() {
        String url = environment.getProperty("spring.datasource.url");
        return StringUtils.hasText(url) ? url : null;
    }

    String datasourceUser() {
        return environment.getProperty("spring.datasource.username");
    }

    String datasourcePassword() {
        return environment.getProperty("spring.datasource.password");
    }

    List<String> migrationLocations() {
        return Arrays.stream(environment.getProperty("spring.flyway.locations", "classpath:db/migration").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
