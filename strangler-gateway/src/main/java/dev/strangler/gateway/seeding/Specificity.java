package dev.strangler.gateway.seeding;

import java.util.Comparator;

/**
 * Compares gateway path templates for first-match order, and tells whether two can match the same request path.
 * More literal segments first; at equal count a template without {@code **} or {@code {name+}} first, then fewer
 * variables, then the one whose first literal comes earlier ({@code /api/orders/{id}} before {@code /api/{x}/items}).
 */
final class Specificity {
    /** Most specific first. */
    static final Comparator<String> ORDER = Comparator.comparingInt((String t) -> -count(t, Kind.LITERAL))
            .thenComparingInt(t -> count(t, Kind.REST))
            .thenComparingInt(t -> count(t, Kind.VARIABLE))
            .thenComparing(Specificity::positional);

    private enum Kind { LITERAL, VARIABLE, REST }

    private Specificity() {
    }

    /** Whether some request path matches both templates. */
    static boolean overlap(String a, String b) {
        String[] x = segments(a);
        String[] y = segments(b);
        for (int i = 0; ; i++) {
            boolean restX = i < x.length && kind(x[i]) == Kind.REST;
            boolean restY = i < y.length && kind(y[i]) == Kind.REST;
            if (restX || restY) {
                // {name+} needs at least one segment there; ** also matches none
                return (restX && restY) || (restX ? y.length > i || x[i].equals("**") : x.length > i || y[i].equals("**"));
            }
            if (i == x.length || i == y.length) {
                return x.length == y.length;
            }
            if (kind(x[i]) == Kind.LITERAL && kind(y[i]) == Kind.LITERAL && !x[i].equals(y[i])) {
                return false;
            }
        }
    }

    /** Whether the two templates match exactly the same request paths ({@code /a/{id}} and {@code /a/{key}}). */
    static boolean sameShape(String a, String b) {
        return overlap(a, b) && ORDER.compare(a, b) == 0;
    }

    private static int positional(String a, String b) {
        String[] x = segments(a);
        String[] y = segments(b);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int order = kind(x[i]).compareTo(kind(y[i]));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(y.length, x.length);
    }

    private static int count(String template, Kind kind) {
        int count = 0;
        for (String segment : segments(template)) {
            if (kind(segment) == kind) {
                count++;
            }
        }
        return count;
    }

    private static Kind kind(String segment) {
        if (segment.equals("**") || (segment.startsWith("{") && segment.endsWith("+}"))) {
            return Kind.REST;
        }
        return segment.startsWith("{") ? Kind.VARIABLE : Kind.LITERAL;
    }

    private static String[] segments(String template) {
        return template.equals("/") ? new String[0] : template.substring(1).split("/");
    }
}
