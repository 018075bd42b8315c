package dev.strangler.gateway.comparison;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The places in a route's answers where the monolith varies on its own (timestamps, generated ids), learned as Diffy
 * does: from two answers of the monolith to the same request. A pointer learned there is noise for every later
 * comparison of the route; array indices are widened to {@code *} so that {@code /items/3/at} covers every item.
 * At most {@code maxPerRoute} pointers are kept per route; beyond that new ones are dropped (a route whose body varies
 * everywhere needs an ignore path, not an endless list). Thread-safe.
 */
public final class NoiseModel {

    private final int maxPerRoute;
    private final Map<String, Set<BodyPointer>> noise = new ConcurrentHashMap<>();

    /** A model keeping up to {@code maxPerRoute} noise pointers per route. */
    public NoiseModel(int maxPerRoute) {
        if (maxPerRoute < 1) {
            throw new IllegalArgumentException("maxPerRoute must be at least 1, but was " + maxPerRoute);
        }
        this.maxPerRoute = maxPerRoute;
    }

    /**
     * Learns from the monolith's two answers to one request of {@code route}; returns the pointers newly learned.
     * Bodies over the size limit teach nothing.
     */
    public Set<BodyPointer> learn(String route, Body first, Body second) {
        Objects.requireNonNull(route, "route");
        Set<BodyPointer> learned = new TreeSet<>();
        if (first.overLimit() || second.overLimit()) {
            return learned;
        }
        Set<BodyPointer> known = noise.computeIfAbsent(route, r -> new TreeSet<>());
        synchronized (known) {
            for (String pointer : BodyComparison.raw(first, second).pointers()) {
                BodyPointer wide = new BodyPointer(pointer).withAnyIndex();
                if (known.size() < maxPerRoute && known.add(wide)) {
                    learned.add(wide);
                }
            }
        }
        return learned;
    }

    /** The noise pointers learned for {@code route} so far, sorted. */
    public Set<BodyPointer> noiseOf(String route) {
        Set<BodyPointer> known = noise.get(route);
        if (known == null) {
            return Set.of();
        }
        synchronized (known) {
            return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(known));
        }
    }

    /** Forgets what was learned for {@code route}, for when its answers changed (a new monolith release). */
    public void forget(String route) {
        noise.remove(route);
    }
}
