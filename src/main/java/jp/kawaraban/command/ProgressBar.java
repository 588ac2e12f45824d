package jp.kawaraban.command;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on stderr, redrawn in place: {@code [#########-----------]  45%  4,500 / 10,000 articles  1,234/s}.
 * Where stderr is not a terminal (a log file), a line is written at every tenth instead.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final String unit;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private int lastTenth = -1;

    ProgressBar(PrintStream err, String unit, boolean terminal) {
        this.err = err;
        this.unit = unit;
        this.terminal = terminal;
    }

    void show(long done, long total) {
        int percent = total <= 0 ? 0 : (int) Math.min(100, 100 * done / total);
        if (!terminal) {
            if (percent / 10 > lastTenth) {
                lastTenth = percent / 10;
                err.println(line(done, total, percent));
            }
            return;
        }
        err.print("\r" + line(done, total, percent));
        err.flush();
    }

    /** Leaves the bar on its own line. */
    void finish(long done, long total) {
        show(done, total);
        if (terminal) {
            err.println();
        }
    }

    private String line(long done, long total, int percent) {
        int filled = WIDTH * percent / 100;
        double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %,d / %,d %s  %,.0f/s", "#".repeat(filled),
                "-".repeat(WIDTH - filled), percent, done, total, unit, done / seconds);
    }
}
