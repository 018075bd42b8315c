package dev.strangler.gateway.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A path template in API Gateway style: literal segments, {@code {name}} for one segment, a final {@code {name+}}
 * or {@code **} for the rest of the path. Split into segments once, as every request is matched against every
 * route's patterns. Immutable and thread-safe; equal when the templates are.
 */
public final class PathPattern {
    private final String pattern;
    private final String[] segments;

    /** The template {@code pattern} as written, starting with '/'. */
    public PathPattern(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', but was '" + pattern + "'");
        }
        String[] segments = split(pattern);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            boolean greedy = segment.equals("**") || (segment.startsWith("{") && segment.endsWith("+}"));
            if (greedy && !last) {
                throw new IllegalArgumentException("'" + segment + "' may only end a path, but was inside '" + pattern + "'");
            }
            if (segment.startsWith("{") != segment.endsWith("}")) {
                throw new IllegalArgumentException("segment '" + segment + "' of '" + pattern
                        + "' must be a literal or {name}; check the braces");
            }
            if (segment.startsWith("{") && segment.replace("+", "").length() <= 2) {
                throw new IllegalArgumentException("path parameter in '" + pattern + "' needs a name, like {id}");
            }
            if (segment.contains("*") && !segment.equals("**")) {
                throw new IllegalArgumentException("segment '" + segment + "' of '" + pattern
                        + "' mixes '*' with text; use ** alone at the end");
            }
        }
        this.pattern = pattern;
        this.segments = segments;
    }

    /** The template as written. */
    public String pattern() {
        return pattern;
    }

    /** The path parameters when {@code path} matches, or null when it does not. */
    public Map<String, String> match(String path) {
        return match(split(path));
    }

    /** As {@link #match(String)}, for a path already cut by {@link #split(String)} (once for all patterns). */
    Map<String, String> match(String[] have) {
        String[] want = segments;
        if (want.length > 0 && !isVariable(want[0]) && (have.length == 0 || !want[0].equals(have[0]))) {
            return null; // most patterns of a table fail on their first literal segment: no map for them
        }
        Map<String, String> parameters = new LinkedHashMap<>(2);
        for (int i = 0; i < want.length; i++) {
            String segment = want[i];
            if (segment.equals("**") || (segment.startsWith("{") && segment.endsWith("+}"))) {
                if (segment.startsWith("{")) {
                    if (i >= have.length) {
                        return null; // API Gateway's {proxy+} needs at least one segment
                    }
                    parameters.put(segment.substring(1, segment.length() - 2), String.join("/", rest(have, i)));
                }
                return parameters;
            }
            if (i >= have.length) {
                return null;
            }
            if (segment.startsWith("{")) {
                parameters.put(segment.substring(1, segment.length() - 1), have[i]);
            } else if (!segment.equals(have[i])) {
                return null;
            }
        }
        return want.length == have.length ? parameters : null;
    }

    private static List<String> rest(String[] segments, int from) {
        return new ArrayList<>(List.of(segments).subList(from, segments.length));
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{") || segment.equals("**");
    }

    /** The segments between slashes, ignoring one leading and one trailing slash; runs on every request, so no regex. */
    static String[] split(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.length() > start && path.endsWith("/") ? path.length() - 1 : path.length();
        if (end <= start) {
            return new String[0];
        }
        int count = 1;
        for (int i = start; i < end; i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        String[] segments = new String[count];
        int from = start;
        for (int k = 0; k < count - 1; k++) {
            int slash = path.indexOf('/', from);
            segments[k] = path.substring(from, slash);
            from = slash + 1;
        }
        segments[count - 1] = path.substring(from, end);
        return segments;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathPattern that && pattern.equals(that.pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
