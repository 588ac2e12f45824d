package jp.kawaraban.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jp.kawaraban.KawarabanApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newspaper's installation as its operator makes it, for the tests that crash a real process:
 * no demo edition, and the site created once by {@code java -jar kawaraban.jar setup} with
 * sections of the test's choosing, before anything else runs on it.
 * <p>
 * Two ways, both through {@link SetupCommand}, neither with a site running on the data
 * directory (so the command starts the application for it, without the demo edition, and stops
 * it again): {@link #inChildJvm} is the process an operator starts, main class and all, for a
 * test whose other commands run as child JVMs too; {@link #inThisJvm} runs the same command in
 * the test's JVM, for a test that starts its site there (no JVM to start, its classes loaded).
 */
public final class NewspaperSetup {

    public static final String NAME = "瓦版クラッシュ新報";
    public static final String ADMIN = "desk-chief@crash.example";
    public static final String PASSWORD = "crash-admin-password";
    private static final Duration RUN = Duration.ofMinutes(5); // a start-up on a loaded machine

    private NewspaperSetup() {
    }

    /**
     * {@code java -jar kawaraban.jar ARGS} as a child JVM on the test class path (the jar's main
     * class), with the flags the suite's own JVM runs with: small and quick to start.
     */
    public static ProcessBuilder childJvm(List<String> args) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-cp", classPath, KawarabanApplication.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    /**
     * {@code KAWARABAN_ADMIN_PASSWORD=… java -jar kawaraban.jar setup --name=… --sections=SECTIONS
     * --data-dir=DIR APPLICATION_ARGS} in a child JVM, without a terminal; returns once it has
     * exited 0 (its output in {@code log}, named by a failure).
     *
     * @param applicationArgs the application's own configuration, e.g. {@code --spring.datasource.url=…}
     */
    public static void inChildJvm(Path dataDir, String sections, Path log, String... applicationArgs)
            throws IOException, InterruptedException {
        ProcessBuilder setup = childJvm(arguments(dataDir, sections, applicationArgs))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        setup.environment().put(SetupCommand.PASSWORD_VARIABLE, PASSWORD);
        Process process = setup.start();
        process.getOutputStream().close(); // a script's empty input: nothing to answer a question with
        try {
            assertThat(process.waitFor(RUN.toSeconds(), TimeUnit.SECONDS)).as("setup finished (log: " + log + ")").isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as("setup's exit code (log: " + log + ")").isZero();
        // UTF-8 whatever the machine's locale (KawarabanApplication.main)
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("セットアップが完了しました。管理者 " + ADMIN + " でログインできます。");
    }

    /**
     * The same {@code setup} through the command's own code in this JVM (the environment's
     * password given to it, no terminal): starts the application on {@code dataDir}, sets it up,
     * stops it. Returns what it printed, once it has returned 0.
     */
    public static String inThisJvm(Path dataDir, String sections, String... applicationArgs) {
        String[] args = arguments(dataDir, sections, applicationArgs).stream().skip(1).toArray(String[]::new);
        CommandRun setup = CommandRun.of((out, err) -> new SetupCommand(dataDir, out, err,
                Map.of(SetupCommand.PASSWORD_VARIABLE, PASSWORD), null).run(args, KawarabanApplication.class));
        assertThat(setup.exit()).as("setup's exit code: " + setup.err()).isZero();
        assertThat(setup.out()).contains("セットアップが完了しました。管理者 " + ADMIN + " でログインできます。");
        return setup.out();
    }

    private static List<String> arguments(Path dataDir, String sections, String... applicationArgs) {
        List<String> args = new ArrayList<>(List.of(SetupCommand.NAME, "--name=" + NAME, "--base-url=https://news.crash.example",
                "--admin-email=" + ADMIN, "--sections=" + sections, "--postal-address=〒100-0001 東京都千代田区瓦町1-1",
                "--data-dir=" + dataDir));
        args.addAll(List.of(applicationArgs));
        return args;
    }
}
