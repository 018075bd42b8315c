package dev.strangler.analyzer.baseline;

import java.util.List;
import java.util.Objects;

/**
 * A use of a class in one candidate by a class in another, as a report lists it under a candidate's {@code outbound}.
 *
 * @param fromCandidate the candidate holding {@code fromClass}
 * @param toCandidate   the candidate holding {@code toClass}
 * @param fromClass     fully qualified name of the using class
 * @param toClass       fully qualified name of the used class
 * @param kind          the report's dependency kind, e.g. {@code CALL}
 * @param weight        number of uses, at least 1
 * @param sites         call sites as {@code path:line}, possibly empty (dependencies seen only in bytecode)
 */
public record CrossDependency(String fromCandidate, String toCandidate, String fromClass, String toClass, String kind,
                              int weight, List<String> sites) {
    public CrossDependency {
        Objects.requireNonNull(fromCandidate, "fromCandidate");
        Objects.requireNonNull(toCandidate, "toCandidate");
        Objects.requireNonNull(fromClass, "fromClass");
        Objects.requireNonNull(toClass, "toClass");
        Objects.requireNonNull(kind, "kind");
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1, but was " + weight + " for " + fromClass
                    + " -> " + toClass);
        }
        sites = List.copyOf(sites);
    }

    /** The identity across runs: the two classes and the kind, whatever the candidates are called. */
    String key() {
        return fromClass + ">" + toClass + ">" + kind;
    }

    /** The first call site, or the using class when the report has none. */
    public String firstSite() {
        return sites.isEmpty() ? fromClass : sites.get(0);
    }

    /**
     * One compiler-style line: {@code src/main/java/shop/Cart.java:41: new dependency cart -> orders: Cart ->
     * OrderService (CALL)}; {@code change} is the word after the site, e.g. {@code new} or {@code removed}.
     */
    public String toCompilerStyle(String change) {
        String more = sites.size() > 1 ? " (+" + (sites.size() - 1) + " more site" + (sites.size() > 2 ? "s" : "") + ")" : "";
        return firstSite() + ": " + change + " dependency " + fromCandidate + " -> " + toCandidate + ": "
                + simple(fromClass) + " -> " + simple(toClass) + " (" + kind + ")" + more;
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
