package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.ProgressListener;

import java.nio.file.Path;
import java.util.Objects;

/** Scans a Java source tree (Maven, Gradle or plain layout) into a {@link Codebase}. */
public final class SourceScanner {
    private final ScanOptions options;

    public SourceScanner(ScanOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Scans the main sources under {@code root}; problems with single files end up in the result, not as exceptions.
     *
     * @throws IllegalArgumentException when {@code root} is not a readable folder
     */
    public Codebase scan(Path root, ProgressListener progress) {
        // TODO(#5): being written on the analyzer-source branch; replaced before the analyzer lands.
        throw new UnsupportedOperationException("source scanning is not written yet");
    }
}
