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
        Run run = new Run();
        report.routes().forEach(run::add);
        run.summarizeDroppedDetails();
        List<SeedEntry> entries = run.entries(report.candidates());
        List<Route> routes = FirstMatchOrder.order(entries, run.warnings).stream().map(RouteSeeder::toRoute).toList();
        return new Seeding(new RouteTable(RouteTable.CURRENT_VERSION, routes), run.others, run.notExpressed, run.warnings);
    }

    private static Route toRoute(SeedEntry entry) {
        return new Route(entry.id(), entry.paths().stream().map(PathPattern::new).toList(), entry.methods(), Map.of(),
                new RouteTarget.Monolith(), 0, null, null, false);
    }

    private static String describe(ReportedRoute route) {
        return route.candidate() + ": " + route.label() + " (" + route.handler() + ")";
    }

    /** What one {@link #seed} call collects; mutable, never leaves it. */
    private static final class Run {
        private final List<ReportedRoute> others = new ArrayList<>();
        private final List<String> notExpressed = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, Draft> drafts = new LinkedHashMap<>();
        private final Map<String, List<String>> droppedQueries = new LinkedHashMap<>();
        private final Set<String> strutsPaths = new LinkedHashSet<>();

        void add(ReportedRoute route) {
            if (!route.isHttp()) {
                others.add(route);
                return;
            }
            String method = route.method().toUpperCase(Locale.ROOT);
            if (!method.equals("ANY") && !RouteFileReader.METHODS.contains(method)) {
                notExpressed.add(describe(route) + ": the gateway routes " + new TreeSet<>(RouteFileReader.METHODS)
                        + " only; send it to the monolith by leaving it out, or add a route by hand");
                return;
            }
            PathTranslation path = PathTranslation.of(route.path(), route.framework());
            if (!path.isExpressible()) {
                notExpressed.add(describe(route) + ": the path " + path.problem() + "; add a route for it by hand");
                return;
            }
            String key = method.equals("ANY") ? "" : method;
            String id = route.candidate() + "-" + (key.isEmpty() ? "any" : key.toLowerCase(Locale.ROOT));
            drafts.computeIfAbsent(id, k -> new Draft(id, route.candidate(), key)).add(route, path.template());
            if (path.droppedQuery() != null) {
                droppedQueries.computeIfAbsent("'" + id + "' takes " + path.template(), k -> new ArrayList<>())
                        .add(path.droppedQuery());
            }
            if (route.framework().equals("struts")) {
                strutsPaths.add(path.template());
            }
        }

        /** One warning per path whose queries were dropped, one for all Struts paths: each applies to many routes. */
        void summarizeDroppedDetails() {
            droppedQueries.forEach((entry, queries) -> warnings.add(entry + " whatever its query: the gateway routes"
                    + " by path only, so the analyzer's handlers for " + String.join(", ", queries) + " move together"));
            if (!strutsPaths.isEmpty()) {
                warnings.add(strutsPaths.size() + " Struts action path" + (strutsPaths.size() == 1 ? " is" : "s are")
                        + " listed without the extension the Struts filter maps (.action, .do), such as "
                        + strutsPaths.iterator().next() + "; add it to the seeded paths if requests carry one");
            }
        }

        /** In the report's candidate order, each candidate's methods in {@link #METHOD_ORDER}; ids the gateway refuses are listed. */
        List<SeedEntry> entries(List<String> candidates) {
            List<Draft> sorted = new ArrayList<>(drafts.values());
            sorted.sort(Comparator.comparingInt((Draft d) -> candidates.indexOf(d.candidate))
                    .thenComparingInt(d -> METHOD_ORDER.indexOf(d.method)));
            List<SeedEntry> entries = new ArrayList<>();
            for (Draft draft : sorted) {
                SeedEntry entry = new SeedEntry(draft.id, draft.candidate,
                        draft.method.isEmpty() ? Set.of() : Set.of(draft.method), new ArrayList<>(draft.paths));
                try {
                    toRoute(entry);
                    entries.add(entry);
                } catch (IllegalArgumentException e) {
                    draft.routes.forEach(route -> notExpressed.add(describe(route) + ": " + e.getMessage()
                            + "; the id comes from the candidate name '" + draft.candidate
                            + "', so rename the candidate (a rename decision) and re-run the analyzer"));
                }
            }
            return entries;
        }
    }

    /** The routes of one candidate and method while they are collected. */
    private static final class Draft {
        private final String id;
        private final String candidate;
        /** Upper case, or empty for any method. */
        private final String method;
        private final List<ReportedRoute> routes = new ArrayList<>();
        private final Set<String> paths = new LinkedHashSet<>();

        Draft(String id, String candidate, String method) {
            this.id = id;
            this.candidate = candidate;
            this.method = method;
        }

        void add(ReportedRoute route, String template) {
            routes.add(route);
            paths.add(template);
        }
    }
}
