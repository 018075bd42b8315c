package dev.strangler.analyzer.core;

import java.util.Objects;

/**
 * The fully qualified name of a type in the analysed codebase, with {@code .} between package and nested names.
 *
 * @param value the fully qualified name, for example {@code shop.service.OrderService}
 */
public record ClassName(String value) implements Comparable<ClassName> {
    public ClassName {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.startsWith(".") || value.endsWith(".")) {
            throw new IllegalArgumentException("value must be a qualified type name, but was '" + value + "'");
        }
    }

    public static ClassName of(String value) {
        return new ClassName(value);
    }

    /** The package part, or the empty string for the default package; nested types count their outer type as package. */
    public String packageName() {
        int dot = value.lastIndexOf('.');
        return dot < 0 ? "" : value.substring(0, dot);
    }

    public String simpleName() {
        return value.substring(value.lastIndexOf('.') + 1);
    }

    // Written out (the same hash a record computes) because they are called millions of times per run and the
    // record's generated versions cost several times more before the JIT has optimised them.
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ClassName name && value.equals(name.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public int compareTo(ClassName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
