package dev.strangler.extraction.cli;

import dev.strangler.extraction.core.Adapter;
import dev.strangler.extraction.core.ExtractionPlan;
import dev.strangler.extraction.core.Flavor;
import dev.strangler.extraction.core.Route;
import dev.strangler.extraction.core.TableUse;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What {@code extract} prints on stdout: what was written, the commands that move the routes, the to-do list. */
final class Summary {
    private final ExtractionPlan plan;
    private final Flavor flavor;
    private final Path out;
    private final int files;

    Summary(ExtractionPlan plan, Flavor flavor, Path out, int files) {
        this.plan = plan;
        this.flavor = flavor;
        this.out = out;
        this.files = files;
    }

    void print(PrintWriter w) {
        w.printf("Wrote %s: the %s service as Lambda function %s (%s flavor), %d files.%n", out, plan.service(),
                plan.functionName(), flavor.name(), files);
        w.printf("  moved %d classes, copied %d shared-kernel classes as a library, borrowed %d data classes, "
                + "%d adapters for what stays in the monolith%n", plan.moved().size(), plan.kernel().size(),
                plan.borrowed().size(), plan.adapters().size());
        w.printf("  handler %s%n", flavor.handler(plan));
        w.printf("  build   ./mvnw -f %s package   (then target/%s-lambda.zip)%n", out.resolve("pom.xml"), plan.functionName());
        w.println();
        Set<String> ids = new LinkedHashSet<>();
        plan.routes().stream().filter(r -> !"ANY".equals(r.method())).map(r -> r.routeId(plan.service())).sorted().forEach(ids::add);
        if (!ids.isEmpty()) {
            w.println("Move its routes (route file entries in routes-snippet.yml):");
            ids.forEach(id -> w.printf("  ./strangler routes set %s --lambda %s --weight 0%n", id, plan.functionName()));
            w.println();
        }
        for (Route route : plan.routes()) {
            if ("ANY".equals(route.method())) {
                w.printf("Route %s %s takes any method: give the gateway its methods by hand.%n", route.method(), route.path());
            }
        }
        for (TableUse table : plan.sharedTables()) {
            w.printf("Shared table %s: also used by %s, written by %s.%n", table.table(), String.join(", ", table.sharedWith()),
                    table.otherWriters().isEmpty() ? "nobody else" : String.join(", ", table.otherWriters()));
        }
        for (Adapter adapter : plan.adapters()) {
            if (adapter.isSharedData()) {
                w.printf("Adapter %s (stays with %s): served by Spring Data over the shared database.%n",
                        adapter.className(), adapter.owner());
            } else {
                w.printf("Adapter %s (stays with %s): %d of %d calls through a monolith route%s.%n", adapter.className(),
                        adapter.owner(), adapter.monolithCalls().size(), adapter.methods().size(),
                        adapter.localReads().isEmpty() ? "" : ", " + adapter.localReads().size()
                                + " read in the function over the shared database (the monolith's code, which only reads)");
            }
        }
        List<String> todo = flavor.todo(plan);
        if (todo.isEmpty()) {
            w.println("To do: nothing.");
        } else {
            w.printf("To do (%d, also in README.md):%n", todo.size());
            todo.forEach(item -> w.println("  - " + item));
        }
    }
}
