package dev.strangler.analyzer.cli;

import dev.strangler.analyzer.core.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr, one per phase; silent when stderr is not a terminal or with --quiet. Thread-safe. */
final class TerminalProgress implements ProgressListener, AutoCloseable {
    private final boolean enabled;
    private ProgressBar bar;

    private TerminalProgress(boolean enabled) {
        this.enabled = enabled;
    }

    static TerminalProgress forStderr(boolean quiet) {
        return new TerminalProgress(!quiet && System.console() != null);
    }

    @Override
    public synchronized void started(String phase, long total) {
        close();
        if (enabled && total > 0) {
            bar = new ProgressBarBuilder().setTaskName(phase).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200).build();
        }
    }

    @Override
    public synchronized void advanced(long steps) {
        if (bar != null) {
            bar.stepBy(steps);
        }
    }

    @Override
    public synchronized void finished() {
        close();
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
