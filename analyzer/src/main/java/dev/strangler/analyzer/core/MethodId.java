package dev.strangler.analyzer.core;

import java.util.Objects;

/**
 * A method by owner and name; overloads share one id, which is precise enough for tracing use cases.
 *
 * @param owner the declaring (or, for a call, the receiving) type
 * @param name the method name, {@code <init>} for constructors
 */
public record MethodId(ClassName owner, String name) implements Comparable<MethodId> {
    public MethodId {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank, but was '" + name + "'");
        }
    }

    // Written out (the same hash a record computes: 31 × owner's + name's) for the reason given in ClassName.
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof MethodId id && owner.equals(id.owner) && name.equals(id.name);
    }

    @Override
    public int hashCode() {
        return 31 * owner.hashCode() + name.hashCode();
    }

    @Override
    public int compareTo(MethodId other) {
        int byOwner = owner.compareTo(other.owner);
        return byOwner != 0 ? byOwner : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return owner + "#" + name;
    }
}
