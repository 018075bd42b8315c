package dev.strangler.gateway.seeding;

import dev.strangler.gateway.routefile.RouteFileReader;
import dev.strangler.gateway.routing.PathPattern;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTable;
import dev.strangler.gateway.routing.RouteTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a decomposition report into a route table: one route per candidate and HTTP method, id
 * {@code <candidate>-<method in lower case>} ({@code orders-get}; {@code -any} where the analyzer saw no method), with
 * that candidate's distinct paths for the method, to the monolith at weight 0, so each can be moved later with
 * {@code ./strangler routes set <id> ...}. Stateless and thread-safe.
 */
public final class RouteSeeder {
    /** Method order inside one candidate, so a candidate's routes read the same way in every seeded file. */
    private static final List<String> METHOD_ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "");

    private RouteSeeder() {
    }

    /** Seeds a table from {@code report}; never fails on a route, but lists what it could not take. */
    public static Seeding seed(DecompositionReport report) {
        List<ReportedRoute> others = new ArrayList<>();
        List<String> notExpressed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (ReportedRoute route : report.routes()) {
            if (!route.isHttp()) {
                others.add(route);
                continue;
            }
            String method = route.method().toUpperCase(Locale.ROOT);
            if (!method.equals("ANY") && !RouteFileReader.METHODS.contains(method)) {
                notExpressed.add(describe(route) + ": the gateway routes " + new TreeSet<>(RouteFileReader.METHODS)
                        + " only; send it to the monolith by leaving it out, or add a route by hand");
                continue;
            }
            PathTranslation path = PathTranslation.of(route.path(), route.framework());
            if (!path.isExpressible()) {
                notExpressed.add(describe(route) + ": the path " + path.problem() + "; add a route for it by hand");
                continue;
            }
            if (path.note() != null) {
                warnings.add(describe(route) + ": " + path.note());
            }
            if (route.framework().equals("struts")) {
                warnings.add(describe(route) + ": a Struts action path is listed without the extension its filter"
                        + " maps (.action, .do); add it to the seeded path if requests carry one");
            }
            String key = method.equals("ANY") ? "" : method;
            String id = route.candidate() + "-" + (key.isEmpty() ? "any" : key.toLowerCase(Locale.ROOT));
            drafts.computeIfAbsent(id, k -> new Draft(id, route.candidate(), key))
                    .add(route, path.template());
        }
        List<SeedEntry> entries = entries(report, drafts.values(), notExpressed);
        List<Route> routes = new ArrayList<>();
        for (SeedEntry entry : FirstMatchOrder.order(entries, warnings)) {
            routes.add(toRoute(entry));
        }
        return new Seeding(new RouteTable(RouteTable.CURRENT_VERSION, routes), others, notExpressed, warnings);
    }

    /** In the report's candidate order, each candidate's methods in {@link #METHOD_ORDER}; ids the gateway refuses are listed. */
    private static List<SeedEntry> entries(DecompositionReport report, Iterable<Draft> drafts, List<String> notExpressed) {
        List<Draft> sorted = new ArrayList<>();
        drafts.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt((Draft d) -> report.candidates().indexOf(d.candidate()))
                .thenComparingInt(d -> METHOD_ORDER.indexOf(d.method())));
        List<SeedEntry> entries = new ArrayList<>();
        for (Draft draft : sorted) {
            SeedEntry entry = new SeedEntry(draft.id(), draft.candidate(),
                    draft.method().isEmpty() ? Set.of() : Set.of(draft.method()), new ArrayList<>(draft.paths()));
            try {
                toRoute(entry);
                entries.add(entry);
            } catch (IllegalArgumentException e) {
                for (ReportedRoute route : draft.routes()) {
                    notExpressed.add(describe(route) + ": " + e.getMessage() + "; the id comes from the candidate name '"
                            + draft.candidate() + "', so rename the candidate (a rename decision) and re-run the analyzer");
                }
            }
        }
        return entries;
    }

    private static Route toRoute(SeedEntry entry) {
        return new Route(entry.id(), entry.paths().stream().map(PathPattern::new).toList(), entry.methods(), Map.of(),
                new RouteTarget.Monolith(), 0, null, null, false);
    }

    private static String describe(ReportedRoute route) {
        return route.candidate() + ": " + route.label() + " (" + route.handler() + ")";
    }

    /** The routes of one candidate and method while they are collected; mutable, used inside {@link #seed} only. */
    private static final class Draft {
        private final String id;
        private final String candidate;
        private final String method;
        private final List<ReportedRoute> routes = new ArrayList<>();
        private final Set<String> paths = new LinkedHashSet<>();

        Draft(String id, String candidate, String method) {
            this.id = id;
            this.candidate = candidate;
            this.method = method;
        }

        Draft add(ReportedRoute route, String template) {
            routes.add(route);
            paths.add(template);
            return this;
        }

        String id() {
            return id;
        }

        String candidate() {
            return candidate;
        }

        /** Upper case, or empty for any method. */
        String method() {
            return method;
        }

        List<ReportedRoute> routes() {
            return routes;
        }

        Set<String> paths() {
            return paths;
        }
    }
}
