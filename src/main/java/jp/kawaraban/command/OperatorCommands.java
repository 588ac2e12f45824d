package jp.kawaraban.command;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/** The commands {@code java -jar kawaraban.jar} knows besides serving the site. */
public final class OperatorCommands {

    private static final Map<String, String> COMMANDS = new java.util.TreeMap<>(Map.of(
            RebuildSearchCommand.NAME, "re-create the search index from the database, with a progress bar",
            ImportCommand.NAME, "import partner pages as drafts ([--dry-run | --publish] FILE...), one JSON line per file",
            SetupCommand.NAME, "first start: the paper's name and address, the first administrator, starter sections"));

    private OperatorCommands() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (COMMANDS.containsKey(args[0]) || "help".equals(args[0]));
    }

    /** Runs the command named by {@code args[0]}; returns the process exit code. */
    public static int run(String[] args, Class<?> application, PrintStream out, PrintStream err) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case RebuildSearchCommand.NAME -> new RebuildSearchCommand(DataDirectory.from(rest, System.getenv()), out, err)
                    .run(rest, application);
            case ImportCommand.NAME -> new ImportCommand(DataDirectory.from(rest, System.getenv()), out, err)
                    .run(rest, application);
            case SetupCommand.NAME -> new SetupCommand(DataDirectory.from(rest, System.getenv()), out, err, System.getenv(),
                    System.console()).run(rest, application);
            default -> {
                out.println("usage: java -jar kawaraban.jar [COMMAND] [--data-dir=DIR]");
                out.println("  (no command)     serve the site");
                COMMANDS.forEach((name, what) -> out.printf("  %-16s %s%n", name, what));
                yield 0;
            }
        };
    }
}
