package dev.strangler.extraction.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.strangler.extraction.core.Adapter;
import dev.strangler.extraction.core.AdapterMethod;
import dev.strangler.extraction.core.Candidate;
import dev.strangler.extraction.core.ExtractionPlan;
import dev.strangler.extraction.core.MonolithBuild;
import dev.strangler.extraction.core.Report;
import dev.strangler.extraction.core.Route;
import dev.strangler.extraction.core.SharedRepository;
import dev.strangler.extraction.core.SourceFile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One extraction's planning, from the candidate's classes outwards: what is included so far and in which role (moved,
 * kernel, borrowed, adapted), the adapters with their methods, and the notes for the to-do list. Not thread-safe; one
 * per run.
 */
final class Planning {
    private final Report report;
    private final Candidate candidate;
    private final SourceTree sources;
    private final Map<String, Candidate> owners;
    private final Map<String, Set<String>> edgesFrom = new TreeMap<>();
    private final Set<String> moved = new TreeSet<>();
    private final Set<String> kernel = new TreeSet<>();
    private final Set<String> borrowed = new TreeSet<>();
    private final Set<String> adapted = new TreeSet<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Adapter> adapters = new ArrayList<>();
    private final Set<String> planned = new TreeSet<>();
    /** Calls on repositories that no moved code makes but a local read does. */
    private final Map<String, Set<CallCollector.Call>> localReadCalls = new TreeMap<>();

    Planning(Report report, Candidate candidate, SourceTree sources) {
        this.report = report;
        this.candidate = candidate;
        this.sources = sources;
        this.owners = report.owners();
        for (Report.ClassEdge edge : report.edges()) {
            edgesFrom.computeIfAbsent(edge.from(), k -> new TreeSet<>()).add(edge.to());
        }
    }

    ExtractionPlan plan(String generatedPackage, MonolithBuild build) {
        for (String name : candidate.classes()) {
            if (isEntryPoint(name)) {
                notes.add(name + " is the monolith's own application class (@SpringBootApplication or main): it stays "
                        + "behind, and the function has its own; move any bean it declares by hand");
            } else {
                moved.add(name);
            }
        }
        if (candidate.routes().isEmpty()) {
            notes.add("the candidate has no HTTP route, so the gateway has nothing to send to the function: give it "
                    + "a trigger of its own or merge it with the service that calls it");
        }
        Deque<String> queue = new ArrayDeque<>(moved);
        for (Candidate c : report.candidates()) {
            if (c.sharedKernel()) {
                c.classes().stream().filter(this::isAdvice).forEach(name -> {
                    kernel.add(name);
                    queue.add(name);
                });
            }
        }
        // Adapter signatures and local reads can name further classes, so plan until nothing new is reached.
        while (!queue.isEmpty() || !planned.containsAll(adapted)) {
            close(queue);
            for (String name : List.copyOf(adapted)) {
                if (planned.add(name)) {
                    Adapter adapter = adapter(name, queue);
                    adapters.add(adapter);
                    signatureTypes(name, adapter).forEach(t -> include(t, queue));
                }
            }
        }
        adapters.sort(Comparator.comparing(Adapter::className));
        Set<String> copies = users();
        adapters.replaceAll(a -> sharedRepository(a, copies).map(a::servedBy).orElse(a));
        Set<String> served = new TreeSet<>(copies);
        adapters.stream().filter(Adapter::isSharedData).forEach(a -> served.add(a.className()));
        adapters.replaceAll(a -> a.withLocalReadsServedBy(served));
        // the generated application class goes where Spring's scanning finds every copied class and adapter
        Set<String> everything = new TreeSet<>(moved);
        everything.addAll(kernel);
        everything.addAll(borrowed);
        everything.addAll(adapted);
        String root = PackageNames.common(everything);
        if (root.isEmpty()) {
            root = PackageNames.common(moved);
            notes.add("the moved, copied and adapted classes share no package, so the generated application class "
                    + "sits in " + (root.isEmpty() ? "the default package" : root) + " and scans only that: add the "
                    + "other packages to its scanBasePackages, @EntityScan and @EnableJpaRepositories");
        }
        String generated = generatedPackage != null ? generatedPackage
                : (root.isEmpty() ? "" : root + ".") + "lambda." + PackageNames.javaName(candidate.name());
        sessionUsers().forEach(user -> notes.add(user + " uses the HTTP session; a function keeps no session between "
                + "requests, so what the session carried (a login) must come with each request (a token, a header)"));
        candidate.otherEntryPoints().forEach(e -> notes.add("entry point " + e + " is not an HTTP route: it does not run "
                + "in the function (no scheduler, no listener); give it its own trigger (an EventBridge schedule, a queue)"));
        Set<String> copied = new TreeSet<>(moved);
        copied.addAll(kernel);
        copied.addAll(borrowed);
        Map<String, String> printed = sources.print(copied);
        return new ExtractionPlan(candidate.name(), candidate.name() + "-fn", root, generated, build,
                files(moved, printed), files(kernel, printed), files(borrowed, printed), adapters, sortedRoutes(),
                PlanTables.of(report, candidate, adapters,
                entity -> EntityTables.table(entity, sources.unit(entity).orElseThrow())), notes);
    }

    private void close(Deque<String> queue) {
        while (!queue.isEmpty()) {
            String name = queue.poll();
            for (String used : references(name)) {
                include(used, queue);
            }
        }
    }

    private void include(String name, Deque<String> queue) {
        if (moved.contains(name) || kernel.contains(name) || borrowed.contains(name) || adapted.contains(name)
                || !sources.contains(name)) {
            return;
        }
        Candidate owner = owners.get(name);
        TypeDeclaration<?> type = TypeRoles.primaryType(sources.unit(name).orElseThrow(), name).orElse(null);
        if (type != null && TypeRoles.isEntryPoint(type)) {
            return;
        }
        if (owner != null && owner.sharedKernel()) {
            kernel.add(name);
            queue.add(name);
        } else if (type != null && TypeRoles.isBehaviour(type)) {
            adapted.add(name);
        } else {
            borrowed.add(name);
            queue.add(name);
        }
    }

    /** What a class uses: the report's edges, and the codebase classes it imports (a compile needs those too). */
    private Set<String> references(String name) {
        Set<String> used = new TreeSet<>(edgesFrom.getOrDefault(name, Set.of()));
        sources.unit(name).ifPresent(unit -> {
            for (ImportDeclaration i : unit.getImports()) {
                if (i.isAsterisk()) {
                    continue;
                }
                String imported = i.getNameAsString();
                if (i.isStatic()) {
                    imported = imported.substring(0, Math.max(0, imported.lastIndexOf('.')));
                }
                used.add(imported);
            }
        });
        used.remove(name);
        return used;
    }

    /** Moved or kernel classes that read the servlet session. */
    private List<String> sessionUsers() {
        List<String> users = new ArrayList<>();
        for (String name : users()) {
            boolean usesSession = sources.unit(name).map(u -> u.getImports().stream()
                    .anyMatch(i -> i.getNameAsString().endsWith(".http.HttpSession"))).orElse(false);
            if (usesSession) {
                users.add(name);
            }
        }
        return users;
    }

    private boolean isEntryPoint(String name) {
        return sources.unit(name).flatMap(u -> TypeRoles.primaryType(u, name)).map(TypeRoles::isEntryPoint).orElse(false);
    }

    private boolean isAdvice(String name) {
        // most kernel classes are not advice: look at the text before paying for a parse
        if (!sources.text(name).contains("ControllerAdvice")) {
            return false;
        }
        return sources.unit(name).flatMap(u -> TypeRoles.primaryType(u, name)).map(TypeRoles::isAdvice).orElse(false);
    }

    private Adapter adapter(String name, Deque<String> queue) {
        Set<CallCollector.Call> calls = new TreeSet<>(localReadCalls.getOrDefault(name, Set.of()));
        for (String user : users()) {
            calls.addAll(CallCollector.callsOn(name, sources.unit(user).orElseThrow()));
        }
        CompilationUnit unit = sources.unit(name).orElseThrow();
        AdapterBuilder.Signatures signatures = AdapterBuilder.signatures(name, unit, calls);
        notes.addAll(signatures.missing());
        List<AdapterMethod> methods = new LocalReadReader(sources).answer(name, signatures.methods(),
                new RouteMatcher(sources, otherRoutes()), decision -> {
                    decision.types().forEach(t -> include(t, queue));
                    decision.repositories().forEach(this::readLocally);
                });
        Candidate owner = owners.get(name);
        return new Adapter(name, owner == null ? "(unplaced)" : owner.name(), signatures.imports(), methods);
    }

    /** A repository a local read calls: adapted (served over the shared database) unless the function has it. */
    private void readLocally(String repository, Set<CallCollector.Call> calls) {
        if (moved.contains(repository) || kernel.contains(repository) || borrowed.contains(repository)) {
            return;
        }
        Set<CallCollector.Call> known = localReadCalls.computeIfAbsent(repository, k -> new TreeSet<>());
        if (known.addAll(calls) && planned.remove(repository)) {
            adapters.removeIf(a -> a.className().equals(repository));
        }
        adapted.add(repository);
    }

    /** The one decision, for every flavor, whether Spring Data serves this adapter over the shared database. */
    private Optional<SharedRepository> sharedRepository(Adapter adapter, Set<String> copies) {
        Optional<List<String>> types = AdapterBuilder.repositoryTypes(adapter.className(),
                sources.unit(adapter.className()).orElseThrow());
        return types.flatMap(t -> SharedRepository.decide(adapter.methods(), t.get(0), t.get(1), copies));
    }

    private Set<String> users() {
        Set<String> users = new TreeSet<>(moved);
        users.addAll(kernel);
        users.addAll(borrowed);
        return users;
    }

    /** Codebase classes an adapter's signatures name: imported ones, and same-package ones by simple name. */
    private Set<String> signatureTypes(String name, Adapter adapter) {
        Set<String> words = new TreeSet<>();
        for (AdapterMethod m : adapter.methods()) {
            AdapterBuilder.collectWords(m.returnType(), words);
            m.parameters().forEach(p -> AdapterBuilder.collectWords(p.type(), words));
        }
        Set<String> types = new TreeSet<>(adapter.imports());
        words.forEach(w -> types.add(adapter.packageName() + "." + w));
        types.removeIf(t -> !sources.contains(t) || t.equals(name));
        return types;
    }

    private List<Route> otherRoutes() {
        return report.candidates().stream().filter(c -> !c.name().equals(candidate.name()))
                .flatMap(c -> c.routes().stream()).toList();
    }

    private List<Route> sortedRoutes() {
        return candidate.routes().stream()
                .sorted(Comparator.comparing(Route::path).thenComparing(Route::method)).toList();
    }

    private static List<SourceFile> files(Set<String> names, Map<String, String> printed) {
        return names.stream().map(n -> new SourceFile(n, printed.get(n))).toList();
    }

}
