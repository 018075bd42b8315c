package dev.strangler.analyzer.core;

import java.util.List;
import java.util.Objects;

/**
 * Everything the scanners found in one codebase: the input to boundary detection.
 * Lists are sorted by the scanners so that the same input gives the same report.
 *
 * @param name a display name, usually the root folder's name
 * @param types the types declared in the codebase's main sources (or classes)
 * @param dependencies class-to-class uses, one per (from, to, kind)
 * @param methods per-method calls and references, for tracing use cases
 * @param entryPoints HTTP routes, scheduled jobs and listeners
 * @param entities entity-to-table mappings
 * @param repositories repository-to-entity bindings
 * @param tableAccesses which classes read or write which tables
 * @param risks serverless risks with their places
 * @param problems what could not be analysed, or only partly
 * @param stats counts of files, lines and resolution
 * @param coverage the frameworks detected, with the entry points read from each, by framework
 */
public record Codebase(String name, List<TypeInfo> types, List<Dependency> dependencies, List<MethodInfo> methods,
                       List<EntryPoint> entryPoints, List<EntityMapping> entities,
                       List<RepositoryBinding> repositories, List<TableAccess> tableAccesses,
                       List<Risk> risks, List<Problem> problems, CodebaseStats stats,
                       List<FrameworkCoverage> coverage) {
    public Codebase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stats, "stats");
        types = List.copyOf(types);
        dependencies = List.copyOf(dependencies);
        methods = List.copyOf(methods);
        entryPoints = List.copyOf(entryPoints);
        entities = List.copyOf(entities);
        repositories = List.copyOf(repositories);
        tableAccesses = List.copyOf(tableAccesses);
        risks = List.copyOf(risks);
        problems = List.copyOf(problems);
        coverage = List.copyOf(coverage);
    }

    /** A codebase whose frameworks were not surveyed (built by hand or by tests). */
    public Codebase(String name, List<TypeInfo> types, List<Dependency> dependencies, List<MethodInfo> methods,
                    List<EntryPoint> entryPoints, List<EntityMapping> entities, List<RepositoryBinding> repositories,
                    List<TableAccess> tableAccesses, List<Risk> risks, List<Problem> problems, CodebaseStats stats) {
        this(name, types, dependencies, methods, entryPoints, entities, repositories, tableAccesses, risks, problems,
                stats, List.of());
    }
}
