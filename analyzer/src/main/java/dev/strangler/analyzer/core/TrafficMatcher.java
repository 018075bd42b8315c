package dev.strangler.analyzer.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the route a request was served by: same number of path segments, literal segments equal, a {@code {name}}
 * segment (or one holding a variable, like {@code {id}.json}) matching any segment, a trailing {@code **} matching
 * the rest; the method equal, or {@code ANY} on either side, or {@code HEAD} served by {@code GET}. Of several routes
 * the one with the most literal segments wins, then an exact method, then the first by path. Only the routes with as
 * many segments are compared, so a request costs the routes of its length, not all of them. Immutable, thread-safe.
 */
final class TrafficMatcher {
    private record Template(EntryPoint entryPoint, String[] segments, boolean rest, int literals) {
    }

    private final Map<Integer, List<Template>> byLength = new HashMap<>();
    private final List<Template> withRest = new ArrayList<>();

    TrafficMatcher(List<EntryPoint> entryPoints) {
        for (EntryPoint entryPoint : entryPoints) {
            if (entryPoint.kind() != EntryPointKind.HTTP) {
                continue;
            }
            String[] segments = segments(entryPoint.path());
            boolean rest = segments.length > 0 && segments[segments.length - 1].equals("**");
            int literals = 0;
            for (String segment : segments) {
                literals += isVariable(segment) || segment.equals("**") ? 0 : 1;
            }
            Template template = new Template(entryPoint, segments, rest, literals);
            if (rest) {
                withRest.add(template);
            } else {
                byLength.computeIfAbsent(segments.length, k -> new ArrayList<>()).add(template);
            }
        }
    }

    /** The route serving a request, or null when none does. */
    EntryPoint match(String method, String path) {
        String[] request = segments(path);
        Template best = null;
        for (Template template : byLength.getOrDefault(request.length, List.of())) {
            best = better(best, template, method, request);
        }
        for (Template template : withRest) {
            best = better(best, template, method, request);
        }
        return best == null ? null : best.entryPoint();
    }

    private static Template better(Template best, Template candidate, String method, String[] request) {
        if (!methodMatches(candidate.entryPoint().httpMethod(), method) || !pathMatches(candidate, request)) {
            return best;
        }
        if (best == null || candidate.literals() > best.literals()) {
            return candidate;
        }
        if (candidate.literals() == best.literals() && candidate.entryPoint().httpMethod().equals(method)
                && !best.entryPoint().httpMethod().equals(method)) {
            return candidate;
        }
        return best;
    }

    private static boolean methodMatches(String routeMethod, String method) {
        return routeMethod.equals(method) || routeMethod.equals("ANY") || method.equals("ANY")
                || (method.equals("HEAD") && routeMethod.equals("GET"));
    }

    private static boolean pathMatches(Template template, String[] request) {
        int fixed = template.rest() ? template.segments().length - 1 : template.segments().length;
        if (template.rest() ? request.length < fixed : request.length != fixed) {
            return false;
        }
        for (int i = 0; i < fixed; i++) {
            String segment = template.segments()[i];
            if (!isVariable(segment) && !segment.equals(request[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVariable(String segment) {
        return segment.indexOf('{') >= 0 || segment.equals("*");
    }

    /** The path's segments without query, empty segments and trailing slash: {@code /a/b/} → [a, b]. */
    static String[] segments(String path) {
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        return java.util.Arrays.stream(bare.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
