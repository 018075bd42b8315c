package dev.strangler.analyzer.core;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * Something in the input the analyzer could not handle fully; the run goes on and reports it.
 *
 * @param path relative to the scanned root with {@code /} separators, or {@code .} for the whole tree
 * @param line 1-based, or 0 when unknown
 * @param column 1-based, or 0 when unknown
 * @param severity error, warning or note
 * @param message what went wrong and, where there is one, the fix
 */
public record Problem(String path, int line, int column, Severity severity, String message) implements Comparable<Problem> {
    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::path)
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column)
            .thenComparing(Problem::severity).thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be 0 (unknown) or more, but were " + line + ":" + column);
        }
    }

    /** Compiler style, as editors and CI logs link it: {@code src/shop/Cart.java:41:9: error: ...}. */
    public String toCompilerStyle() {
        StringBuilder text = new StringBuilder(path);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        return text.append(": ").append(severity.name().toLowerCase(Locale.ROOT)).append(": ").append(message).toString();
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }
}
