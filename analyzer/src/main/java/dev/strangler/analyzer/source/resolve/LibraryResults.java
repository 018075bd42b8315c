package dev.strangler.analyzer.source.resolve;

import java.util.List;

/** What common JDK container and stream methods return, worked out from their receiver's generic arguments. */
final class LibraryResults {
    private LibraryResults() {
    }

    /** The result of {@code name} called on the library type {@code receiver}, or null where it is not known. */
    static JType of(JType receiver, String name) {
        if (receiver.arguments().isEmpty()) {
            return null;
        }
        boolean map = receiver.simpleName().contains("Map");
        switch (name) {
            case "get", "getOrDefault", "remove", "put" -> {
                return map ? receiver.argument(1) : receiver.argument(0);
            }
            case "getFirst", "getLast", "next", "orElse", "orElseThrow", "orElseGet", "join", "poll", "peek",
                 "pop", "element", "firstElement", "lastElement", "first", "last", "block", "getNow", "resultNow" -> {
                return receiver.argument(0);
            }
            case "values" -> {
                return map ? JType.library("java.util.Collection", List.of(receiver.argument(1))) : null;
            }
            case "keySet" -> {
                return JType.library("java.util.Set", List.of(receiver.argument(0)));
            }
            case "stream", "parallelStream", "iterator", "listIterator", "filter", "sorted", "distinct", "limit",
                 "skip", "toList", "subList", "reversed", "unmodifiableList", "copyOf", "getContent", "unordered" -> {
                return JType.library(name.equals("iterator") ? "java.util.Iterator" : receiver.name(),
                        receiver.arguments());
            }
            case "findFirst", "findAny", "min", "max" -> {
                return JType.library("java.util.Optional", List.of(receiver.argument(0)));
            }
            default -> {
                return null;
            }
        }
    }

    /** The element an iterable, array or map (its values) holds, or null where it is not known. */
    static JType elementType(JType iterable) {
        if (iterable == null) {
            return null;
        }
        if (iterable.arrayDimensions() > 0) {
            return iterable.component();
        }
        return iterable.argument(iterable.simpleName().contains("Map") ? 1 : 0);
    }
}
