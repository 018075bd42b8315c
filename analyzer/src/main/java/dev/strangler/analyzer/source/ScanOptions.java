package dev.strangler.analyzer.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How to scan a source tree.
 *
 * @param classpath jars and class folders of the application; the bytecode scanner reads those that hold the
 *                  codebase's own classes (the source scanner resolves against an index of the tree itself)
 * @param threads parser threads, at least 1
 * @param maxFileBytes source files larger than this are skipped as generated or data, with a warning
 */
public record ScanOptions(List<Path> classpath, int threads, long maxFileBytes) {
    /** Files above 2 MiB are almost always generated parsers or embedded data, not hand-written code. */
    public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024;

    public ScanOptions {
        Objects.requireNonNull(classpath, "classpath");
        classpath = List.copyOf(classpath);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, but was " + threads);
        }
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be at least 1, but was " + maxFileBytes);
        }
    }

    public ScanOptions(List<Path> classpath, int threads) {
        this(classpath, threads, DEFAULT_MAX_FILE_BYTES);
    }

    public static ScanOptions defaults() {
        return new ScanOptions(List.of(), Runtime.getRuntime().availableProcessors());
    }
}
