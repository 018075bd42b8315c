package dev.strangler.analyzer.core;

import java.util.Comparator;
import java.util.Objects;

/**
 * A method by owner and name; overloads share one id, which is precise enough for tracing use cases.
 *
 * @param owner the declaring (or, for a call, the receiving) type
 * @param name the method name, {@code <init>} for constructors
 */
public record MethodId(ClassName owner, String name) implements Comparable<MethodId> {
    private static final Comparator<MethodId> ORDER =
            Comparator.comparing(MethodId::owner).thenComparing(MethodId::name);

    public MethodId {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank, but was '" + name + "'");
        }
    }

    @Override
    public int compareTo(MethodId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return owner + "#" + name;
    }
}
