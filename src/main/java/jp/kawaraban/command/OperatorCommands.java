package jp.kawaraban.command;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/** The commands {@code java -jar kawaraban.jar} knows besides serving the site. */
public final class OperatorCommands {

    private static final Map<String, String> COMMANDS = new java.util.TreeMap<>(Map.of(
            RebuildSearchCommand.NAME, "re-create the search index from the database, with a progress bar",
            ImportCommand.NAME, "import partner pages as drafts ([--dry-run | --publish] FILE|FOLDER...), one JSON line per file",
            SetupCommand.NAME, "first start: the paper's name and address, the first administrator, starter sections",
            BackupCommand.NAME, "write the database (one consistent snapshot) and the data directory's files to --to=FILE, while the site runs",
            RestoreCommand.NAME, "restore --from=FILE into an empty data directory (and empty database), then rebuild the search index",
            AnalyseCommand.NAME, "names, dates and keywords of each line of stdin, one JSON line each ([--date=YYYY-MM-DD]); starts no site",
            TrainEntitiesCommand.NAME, "train the entity model from annotated sentences (--from=FILE --to=FILE)"));

    private OperatorCommands() {
    }

    /**
     * Commands that use the database directly run without Spring Boot's logging set-up: keep the
     * libraries' start-up chatter (Flyway, the embedded server) off stdout, which carries the result.
     */
    private static void quietLibraries() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    /** This application's version, as the jar's manifest has it ({@code development} when run from the build). */
    static String version() {
        String version = OperatorCommands.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (COMMANDS.containsKey(args[0]) || "help".equals(args[0]));
    }

    /** Runs the command named by {@code args[0]}; returns the process exit code. */
    public static int run(String[] args, Class<?> application, PrintStream out, PrintStream err) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (args[0].equals(BackupCommand.NAME) || args[0].equals(RestoreCommand.NAME)
                || args[0].equals(AnalyseCommand.NAME) || args[0].equals(TrainEntitiesCommand.NAME)) {
            quietLibraries();
        }
        return switch (args[0]) {
            case RebuildSearchCommand.NAME -> new RebuildSearchCommand(DataDirectory.from(rest, System.getenv()), out, err)
                    .run(rest, application);
            case ImportCommand.NAME -> new ImportCommand(DataDirectory.from(rest, System.getenv()), out, err)
                    .run(rest, application);
            case SetupCommand.NAME -> new SetupCommand(DataDirectory.from(rest, System.getenv()), out, err, System.getenv(),
                    System.console()).run(rest, application);
            case BackupCommand.NAME -> new BackupCommand(DataDirectory.from(rest, System.getenv()), out, err).run(rest);
            case RestoreCommand.NAME -> new RestoreCommand(DataDirectory.from(rest, System.getenv()), out, err)
                    .run(rest, application);
            case AnalyseCommand.NAME -> new AnalyseCommand(System.in, out, err, java.time.Clock.systemUTC()).run(rest);
            case TrainEntitiesCommand.NAME -> new TrainEntitiesCommand(out, err).run(rest);
            default -> {
                out.println("usage: java -jar kawaraban.jar [COMMAND] [--data-dir=DIR]");
                out.println("  (no command)     serve the site");
                COMMANDS.forEach((name, what) -> out.printf("  %-16s %s%n", name, what));
                yield 0;
            }
        };
    }
}
