package dev.strangler.analyzer.core;

import java.util.Comparator;
import java.util.Objects;

/**
 * A place in the analysed tree.
 *
 * @param path relative to the scanned root, with {@code /} separators, so reports are reproducible
 * @param line 1-based line, or 0 when unknown (a class file, a whole file)
 */
public record SourceLocation(String path, int line) implements Comparable<SourceLocation> {
    private static final Comparator<SourceLocation> ORDER =
            Comparator.comparing(SourceLocation::path).thenComparingInt(SourceLocation::line);

    public SourceLocation {
        Objects.requireNonNull(path, "path");
        if (path.contains("\\")) {
            throw new IllegalArgumentException("path must use / separators, but was '" + path + "'");
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (unknown) or more, but was " + line);
        }
    }

    @Override
    public int compareTo(SourceLocation other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return line == 0 ? path : path + ":" + line;
    }
}
