package dev.strangler.extraction.source;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Calls a local read may make without a symbol solver: getters, and JDK methods (Optional, Stream, collections,
 * String, boxes, Objects) that return a value and change nothing; a setter is a write. A fixed list, so that a
 * method it does not know keeps the caller "not yet moved".
 */
final class ValueCalls {
    private static final Pattern GETTER = Pattern.compile("(get|is|has)[A-Z]\\w*");
    private static final Pattern SETTER = Pattern.compile("set[A-Z]\\w*");
    private static final Set<String> PURE = Set.of("get", "orElse", "orElseGet", "orElseThrow", "isPresent", "isEmpty",
            "map", "flatMap", "filter", "stream", "toList", "collect", "count", "anyMatch", "allMatch", "noneMatch",
            "findFirst", "findAny", "sorted", "min", "max", "sum", "size", "contains", "containsKey", "equals",
            "hashCode", "toString", "compareTo", "compare", "intValue", "longValue", "doubleValue", "valueOf", "of",
            "ofNullable", "empty", "format", "trim", "strip", "toLowerCase", "toUpperCase", "length", "startsWith",
            "endsWith", "isBlank", "requireNonNull", "mapToInt", "mapToLong", "distinct", "limit", "getOrDefault",
            "signum", "abs", "negate", "matches", "equalsIgnoreCase", "or", "substring", "indexOf", "charAt", "split",
            "replace", "isNaN", "keySet", "values", "entrySet", "containsValue", "getKey", "getValue", "forEach",
            "ifPresent", "ifPresentOrElse", "asList", "copyOf", "unmodifiableList");

    private ValueCalls() {
    }

    static boolean isPure(String name) {
        return PURE.contains(name);
    }

    static boolean isGetter(String name) {
        return GETTER.matcher(name).matches();
    }

    static boolean isSetter(String name) {
        return SETTER.matcher(name).matches();
    }

    static boolean isPure(MethodCallExpr call) {
        return PURE.contains(call.getNameAsString())
                || GETTER.matcher(call.getNameAsString()).matches() && call.getArguments().isEmpty();
    }

    /** A call's scope as the to-do list shows it: a name as written, a longer expression abbreviated. */
    static String shown(Expression scope) {
        return scope instanceof NameExpr || scope instanceof FieldAccessExpr && scope.toString().length() <= 40
                ? scope.toString() : "(...)";
    }
}
