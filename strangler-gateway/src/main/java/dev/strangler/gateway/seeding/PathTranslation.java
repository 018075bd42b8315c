package dev.strangler.gateway.seeding;

import dev.strangler.gateway.routing.PathPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An analyzer route path in the gateway's {@link PathPattern} syntax, or why it has none. The analyzer writes
 * variables as {@code {name}} (regular expressions already dropped) and keeps each framework's wildcards: Spring's
 * {@code *} (one segment), {@code **} and {@code {*name}} (the rest), the servlet prefix {@code /x/*} (the rest),
 * default servlet {@code /} (every path) and extension {@code *.do}, Stripes' {@code ?event}. A wildcard inside a segment, a variable mixed with text, or
 * {@code **} before the end has no gateway equivalent.
 *
 * @param template the gateway template, or null when the path cannot be expressed
 * @param problem why it cannot be expressed, or null
 * @param droppedQuery the query ({@code ?event}) the template leaves out, as the gateway routes by path only; or null
 */
record PathTranslation(String template, String problem, String droppedQuery) {
    /** Frameworks whose {@code /x/*} is a servlet prefix mapping: {@code /x} and everything below it. */
    private static final Set<String> SERVLET_FRAMEWORKS = Set.of("servlet", "servlet-web-xml");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*([A-Za-z_$][\\w.$-]*)\\s*(?::[^}]*)?}");
    private static final Pattern REST_VARIABLE = Pattern.compile("\\{\\*([A-Za-z_$][\\w.$-]*)}");

    static PathTranslation of(String path, String framework) {
        String droppedQuery = null;
        String route = path;
        int query = route.indexOf('?');
        if (query >= 0) {
            droppedQuery = route.substring(query);
            route = route.substring(0, query);
        }
        if (!route.startsWith("/")) {
            return new PathTranslation(null, "does not start with '/'", null);
        }
        if (route.equals("/") && SERVLET_FRAMEWORKS.contains(framework)) {
            // a servlet mapped at "/" is the default servlet: it serves every path no other mapping takes
            return new PathTranslation("/**", null, droppedQuery);
        }
        String[] segments = route.length() == 1 ? new String[0] : route.substring(1).split("/", -1);
        List<String> out = new ArrayList<>();
        int wildcards = 0;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.isEmpty()) {
                if (last) {
                    continue; // a trailing slash: the gateway ignores it too
                }
                return new PathTranslation(null, "has an empty segment ('//')", null);
            }
            Matcher variable = VARIABLE.matcher(segment);
            if (variable.matches()) {
                out.add("{" + variable.group(1) + "}");
            } else if (segment.equals("**") || REST_VARIABLE.matcher(segment).matches()
                    || (segment.equals("*") && last && SERVLET_FRAMEWORKS.contains(framework))) {
                if (!last) {
                    return new PathTranslation(null, "has '" + segment + "' before its end; the gateway's '**' may"
                            + " only end a path", null);
                }
                out.add("**");
            } else if (segment.equals("*")) {
                wildcards++;
                out.add("{wildcard" + (wildcards == 1 ? "" : wildcards) + "}");
            } else if (segment.contains("*")) {
                return new PathTranslation(null, "has a wildcard inside the segment '" + segment + "' (like *.do);"
                        + " the gateway matches whole segments only", null);
            } else if (segment.contains("{") || segment.contains("}")) {
                return new PathTranslation(null, "mixes a path variable with text in the segment '" + segment
                        + "'; the gateway's variables take whole segments", null);
            } else {
                out.add(segment);
            }
        }
        String template = "/" + String.join("/", out);
        try {
            new PathPattern(template);
        } catch (IllegalArgumentException e) {
            return new PathTranslation(null, e.getMessage(), null);
        }
        return new PathTranslation(template, null, droppedQuery);
    }

    boolean isExpressible() {
        return template != null;
    }
}
