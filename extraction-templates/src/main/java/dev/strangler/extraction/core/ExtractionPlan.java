package dev.strangler.extraction.core;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything one extraction decided, before a flavor renders it: the candidate's moved classes, the shared-kernel
 * classes copied as a library, the adapters for what stays behind, the routes and the tables.
 *
 * @param service the candidate's name in the report, {@code coupon}
 * @param functionName the Lambda function's name, {@code coupon-fn}
 * @param rootPackage the package the moved code shares (the generated application class goes there)
 * @param generatedPackage the package of the handler and of the adapters' implementations
 * @param build what the monolith's build says about its stack
 * @param moved the candidate's classes, printed as they were
 * @param kernel shared-kernel classes the moved code needs, copied as a library
 * @param borrowed data classes of other candidates the moved code or the kernel uses, copied until their owner moves
 * @param adapters the classes that stay behind and what the moved code calls on them
 * @param routes the candidate's HTTP routes, by path then method
 * @param tables the tables its code touches
 * @param notes what extraction could not see or decide, one sentence each; they join the to-do list
 */
public record ExtractionPlan(String service, String functionName, String rootPackage, String generatedPackage,
                             MonolithBuild build, List<SourceFile> moved, List<SourceFile> kernel,
                             List<SourceFile> borrowed, List<Adapter> adapters, List<Route> routes,
                             List<TableUse> tables, List<String> notes) {
    private static final Pattern PACKAGE = Pattern.compile("[a-zA-Z_$][\\w$]*(\\.[a-zA-Z_$][\\w$]*)*");

    public ExtractionPlan {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(rootPackage, "rootPackage");
        Objects.requireNonNull(generatedPackage, "generatedPackage");
        Objects.requireNonNull(build, "build");
        if (!PACKAGE.matcher(generatedPackage).matches()) {
            throw new IllegalArgumentException("generatedPackage must be a Java package name, but was '" + generatedPackage + "'");
        }
        moved = List.copyOf(moved);
        kernel = List.copyOf(kernel);
        borrowed = List.copyOf(borrowed);
        adapters = List.copyOf(adapters);
        routes = List.copyOf(routes);
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }

    /**
     * The to-do list of the generated project: every repository the function serves over the shared database (it
     * reads or writes another service's tables), every adapter method it reads locally (a copy of the monolith's code),
     * every adapter method answered by neither a monolith route nor a local read, then the notes.
     */
    public List<String> todo() {
        List<String> items = new java.util.ArrayList<>();
        for (Adapter adapter : adapters) {
            if (adapter.isSharedData()) {
                items.add(adapter.simpleName() + " stays with " + adapter.owner() + " but is served by Spring Data over the"
                        + " shared database: the function " + (SharedRepository.onlyReads(adapter.methods()) ? "reads"
                        : "reads and writes") + " the tables of " + adapter.owner() + " directly until that service moves");
            }
            for (AdapterMethod method : adapter.localReads()) {
                LocalRead read = method.localRead();
                items.add(adapter.simpleName() + "." + method.signature() + " (owned by " + adapter.owner() + ") runs in "
                        + "the function: no monolith route answers it, and it only " + (read.reads().isEmpty()
                        ? "computes from its arguments and constants, so its code is copied from the monolith into the"
                        + " adapter" : "reads (" + read.readsText() + "), so its code is copied from the monolith into the"
                        + " adapter and reads the table(s) " + String.join(", ", read.tables()) + " of " + adapter.owner()
                        + " over the shared database") + "; keep the copy in step with the monolith until "
                        + adapter.owner() + " moves");
            }
            for (AdapterMethod method : adapter.notYetMoved()) {
                items.add(adapter.simpleName() + "." + method.signature() + " (owned by " + adapter.owner()
                        + "): no monolith route answers it" + (method.notLocal().isEmpty() ? ""
                        : ", and it cannot run in the function (" + String.join("; ", method.notLocal()) + ")")
                        + ", so the adapter throws 'not yet moved'; move it with " + adapter.owner()
                        + " or give the monolith a route for it");
            }
        }
        items.addAll(notes);
        return List.copyOf(items);
    }

    /** The adapters whose implementation calls the monolith (not served over the shared database). */
    public List<Adapter> monolithAdapters() {
        return adapters.stream().filter(a -> !a.isSharedData()).toList();
    }

    /** The tables another candidate touches too. */
    public List<TableUse> sharedTables() {
        return tables.stream().filter(TableUse::isShared).toList();
    }
}
