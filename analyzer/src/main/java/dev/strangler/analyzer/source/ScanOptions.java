package dev.strangler.analyzer.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to scan a source tree.
 *
 * @param classpath jars and class folders that resolve library types (and, when they hold the codebase's own
 *                  classes, add bytecode dependencies)
 * @param threads parser threads, at least 1
 */
public record ScanOptions(List<Path> classpath, int threads) {
    public ScanOptions {
        Objects.requireNonNull(classpath, "classpath");
        classpath = List.copyOf(classpath);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, but was " + threads);
        }
    }

    public static ScanOptions defaults() {
        return new ScanOptions(List.of(), Runtime.getRuntime().availableProcessors());
    }
}
