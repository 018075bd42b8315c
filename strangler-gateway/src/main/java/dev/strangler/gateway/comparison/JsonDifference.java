package dev.strangler.gateway.comparison;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The places where two JSON documents differ, as JSON Pointers: object members by name (key order ignored), arrays
 * by position, numbers by value ({@code 1.0} equals {@code 1}), everything else by type and value. A member or element
 * present on one side only differs at its own pointer. Stateless.
 */
final class JsonDifference {

    private JsonDifference() {
    }

    /** The differing pointers, sorted; empty when the documents are equal. */
    static List<String> between(JsonNode left, JsonNode right) {
        Set<String> out = new TreeSet<>();
        walk("", left, right, out);
        return List.copyOf(out);
    }

    private static void walk(String at, JsonNode left, JsonNode right, Set<String> out) {
        if (left.isObject() && right.isObject()) {
            Set<String> names = new TreeSet<>(left.propertyNames());
            names.addAll(right.propertyNames());
            for (String name : names) {
                JsonNode l = left.get(name);
                JsonNode r = right.get(name);
                if (l == null || r == null) {
                    out.add(BodyPointer.child(at, name));
                } else {
                    walk(BodyPointer.child(at, name), l, r, out);
                }
            }
        } else if (left.isArray() && right.isArray()) {
            int size = Math.max(left.size(), right.size());
            for (int i = 0; i < size; i++) {
                if (i >= left.size() || i >= right.size()) {
                    out.add(at + "/" + i);
                } else {
                    walk(at + "/" + i, left.get(i), right.get(i), out);
                }
            }
        } else if (left.isNumber() && right.isNumber()) {
            if (number(left).compareTo(number(right)) != 0) {
                out.add(at);
            }
        } else if (!left.equals(right)) {
            out.add(at);
        }
    }

    private static BigDecimal number(JsonNode node) {
        return node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
    }

}
