package jp.kawaraban.command;

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
