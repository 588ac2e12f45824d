package jp.kawaraban.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * An operator command run in the test's JVM, as {@code KawarabanApplication.main} runs it but
 * with its stdout and stderr captured: its exit code and what it printed on each, read as UTF-8
 * (what the commands print in any locale).
 */
record CommandRun(int exit, String out, String err) {

    /** A command given the two streams it prints on; returns its exit code. */
    @FunctionalInterface
    interface Command {
        int run(PrintStream out, PrintStream err);
    }

    static CommandRun of(Command command) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = command.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
