package dev.strangler.analyzer.cli;

import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.Severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The classes of an {@code --expected} file matched to the codebase's top-level classes: a fully qualified name
 * as it is (a nested type counts for its top-level class), a simple name ({@code OrderService}) or a name
 * qualified in part ({@code service.OrderService}) when exactly one class ends with it.
 *
 * @param byUnit each matched class → its expected service
 * @param notFound the names that match no class, sorted
 */
record ExpectedClasses(Map<ClassName, String> byUnit, List<String> notFound) {
    /** How many names not found the warning lists before it says "and N more". */
    static final int SHOWN = 10;

    ExpectedClasses {
        byUnit = Map.copyOf(byUnit);
        notFound = List.copyOf(notFound);
    }

    /**
     * Matches each name; refuses (usage error) a name that several classes end with, and a file that matches no
     * class at all, since an agreement over no class would say nothing.
     *
     * @param file the file's name, for messages
     * @param expected name as written → expected service
     * @param units the codebase's top-level classes
     * @param unitOf the top-level class of a declared type, or null when the codebase declares no such type
     */
    static ExpectedClasses match(String file, Map<String, String> expected, SortedSet<ClassName> units,
                                 java.util.function.Function<ClassName, ClassName> unitOf) {
        Map<String, List<ClassName>> bySimpleName = new HashMap<>();
        units.forEach(unit -> bySimpleName.computeIfAbsent(unit.simpleName(), k -> new ArrayList<>()).add(unit));
        Map<ClassName, String> byUnit = new HashMap<>();
        List<String> notFound = new ArrayList<>();
        SortedMap<String, List<ClassName>> ambiguous = new TreeMap<>();
        for (var entry : new TreeMap<>(expected).entrySet()) {
            List<ClassName> matches = matches(entry.getKey(), bySimpleName, unitOf);
            if (matches.isEmpty()) {
                notFound.add(entry.getKey());
            } else if (matches.size() > 1) {
                ambiguous.put(entry.getKey(), matches);
            } else {
                byUnit.putIfAbsent(matches.get(0), entry.getValue());
            }
        }
        if (!ambiguous.isEmpty()) {
            StringBuilder message = new StringBuilder(file).append(": ").append(ambiguous.size())
                    .append(" class name(s) match more than one class of the codebase; qualify them with their package:");
            ambiguous.forEach((name, matches) -> message.append(' ').append(name).append(" (")
                    .append(String.join(", ", matches.stream().limit(3).map(ClassName::value).toList()))
                    .append(matches.size() > 3 ? ", ..." : "").append(");"));
            throw new UsageException(message.substring(0, message.length() - 1));
        }
        if (byUnit.isEmpty()) {
            throw new UsageException(file + ": none of its " + expected.size() + " class name(s) names a class of the "
                    + "codebase (for example " + String.join(", ", notFound.stream().limit(3).toList())
                    + "), so there is nothing to compare; give fully qualified names (com.acme.shop.OrderService) "
                    + "or simple names that one class has");
        }
        return new ExpectedClasses(byUnit, notFound);
    }

    private static List<ClassName> matches(String name, Map<String, List<ClassName>> bySimpleName,
                                           java.util.function.Function<ClassName, ClassName> unitOf) {
        ClassName exact;
        try {
            exact = unitOf.apply(ClassName.of(name));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (exact != null) {
            return List.of(exact);
        }
        List<ClassName> sameSimpleName = bySimpleName.getOrDefault(name.substring(name.lastIndexOf('.') + 1), List.of());
        String suffix = "." + name;
        return sameSimpleName.stream().filter(unit -> unit.value().equals(name) || unit.value().endsWith(suffix)).toList();
    }

    /** A warning naming what was not found, or none. */
    List<Problem> problems(String file) {
        if (notFound.isEmpty()) {
            return List.of();
        }
        String shown = String.join(", ", notFound.stream().limit(SHOWN).toList())
                + (notFound.size() > SHOWN ? " and " + (notFound.size() - SHOWN) + " more" : "");
        return List.of(new Problem(file, 0, 0, Severity.WARNING, notFound.size() + " of its class name(s) match no "
                + "class of the codebase and are left out of the agreement: " + shown
                + "; check the spelling or the package"));
    }
}
