package dev.cauce.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error for long jobs. It draws only when standard error is an
 * interactive terminal, so logs and CI output stay clean; otherwise every call is a no-op.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** Starts a bar for {@code total} steps (use -1 when the total is unknown). */
    public static Progress start(String task, long total, String unit) {
        if (!interactive()) return new Progress(null);
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .clearDisplayOnFinish()
                .build();
        return new Progress(bar);
    }

    /** As {@link #start(String, long, String)}, or a bar that never draws when {@code quiet} (the --quiet options). */
    public static Progress start(String task, long total, String unit, boolean quiet) {
        return quiet ? new Progress(null) : start(task, total, unit);
    }

    static boolean interactive() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal() && System.getenv("CI") == null;
    }

    public void step(long n) {
        if (bar != null) bar.stepBy(n);
    }

    public void extra(String message) {
        if (bar != null) bar.setExtraMessage(message);
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
