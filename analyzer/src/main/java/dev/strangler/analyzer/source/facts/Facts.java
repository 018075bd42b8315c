package dev.strangler.analyzer.source.facts;

import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.DependencyKind;
import dev.strangler.analyzer.core.EntityMapping;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.MethodInfo;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.RepositoryBinding;
import dev.strangler.analyzer.core.Risk;
import dev.strangler.analyzer.core.SourceLocation;
import dev.strangler.analyzer.core.TableAccess;
import dev.strangler.analyzer.core.TypeInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the scan found, accumulated per file by one thread and merged in file order afterwards, so the result does
 * not depend on thread scheduling. Not thread-safe.
 */
public final class Facts {
    static final int MAX_SITES = 5;

    private static final Comparator<Map.Entry<DependencyKey, DependencyTally>> BY_TO_AND_KIND = Comparator.comparing(
            (Map.Entry<DependencyKey, DependencyTally> entry) -> entry.getKey().to())
            .thenComparing(entry -> entry.getKey().kind());
    private static final Comparator<Map.Entry<MethodId, MethodTally>> BY_NAME = Comparator.comparing(
            entry -> entry.getKey().name());

    public final List<TypeInfo> types = new ArrayList<>();
    final Map<DependencyKey, DependencyTally> dependencies = new HashMap<>();
    final Map<MethodId, MethodTally> methods = new HashMap<>();
    public final List<EntryPoint> entryPoints = new ArrayList<>();
    public final List<EntityMapping> entities = new ArrayList<>();
    public final List<RepositoryBinding> repositories = new ArrayList<>();
    public final List<TableAccess> tableAccesses = new ArrayList<>();
    public final List<Risk> risks = new ArrayList<>();
    public final List<Problem> problems = new ArrayList<>();
    public final List<JaxRsRoot> jaxRsRoots = new ArrayList<>();
    public final List<JaxRsLocator> jaxRsLocators = new ArrayList<>();
    public final List<JaxRsRelative> jaxRsRelativeRoutes = new ArrayList<>();
    /**
     * The named statements (iBatis, MyBatis, JPA named queries) this file's calls used, by their place in the XML:
     * the per-file cache replays them, so that the statements no call uses are the same as in a full analysis.
     */
    public final TreeSet<SourceLocation> statementsUsed = new TreeSet<>();
    /** Files whose method bodies a pass over all types read (not per-file facts: never cached with a file's). */
    public final TreeSet<String> bodiesRead = new TreeSet<>();
    public long resolved;
    public long guessed;
    public long unresolved;

    /** A root resource: a class with {@code @Path}, and its path with the application path before it. */
    public record JaxRsRoot(String type, String path) {
    }

    /** A sub-resource locator of {@code owner} at {@code path} (relative to the owner's mount) returning {@code target}. */
    public record JaxRsLocator(String owner, String path, String target) {
    }

    /** A route of a class without {@code @Path}, with its path relative to where the class is mounted. */
    public record JaxRsRelative(EntryPoint entry, String path) {
    }

    /** Keyed by (from, to, kind). */
    record DependencyKey(ClassName from, ClassName to, DependencyKind kind) {
    }

    /** A dependency being counted. */
    static final class DependencyTally {
        int weight;
        boolean exact;
        final TreeSet<SourceLocation> sites = new TreeSet<>();

        void add(int count, boolean guessed, SourceLocation site) {
            weight += count;
            exact |= !guessed;
            // full and not before the last site (a file's sites come in line order): it would be dropped again
            if (site != null && !(sites.size() == MAX_SITES && site.compareTo(sites.last()) >= 0)) {
                sites.add(site);
                if (sites.size() > MAX_SITES) {
                    sites.pollLast();
                }
            }
        }

        /** A tally of its own with the same counts and sites, as merging into an empty one gives. */
        DependencyTally copy() {
            DependencyTally copy = new DependencyTally();
            copy.weight = weight;
            copy.exact = exact;
            copy.sites.addAll(sites); // into an empty set of the same order: copied as it is, not added one by one
            return copy;
        }

        void merge(DependencyTally other) {
            weight += other.weight;
            exact |= other.exact;
            for (SourceLocation site : other.sites) {
                add(0, !other.exact, site);
            }
        }
    }

    /** A method's calls and references being collected; overloads share it. */
    public static final class MethodTally {
        final SourceLocation location;
        public final TreeSet<MethodId> calls = new TreeSet<>();
        public final TreeSet<ClassName> references = new TreeSet<>();

        MethodTally(SourceLocation location) {
            this.location = location;
        }
    }

    public void depend(String from, String to, DependencyKind kind, boolean guessed, SourceLocation site) {
        if (from.equals(to)) {
            return;
        }
        dependencies.computeIfAbsent(new DependencyKey(ClassName.of(from), ClassName.of(to), kind),
                k -> new DependencyTally()).add(1, guessed, site);
    }

    public MethodTally method(MethodId id, SourceLocation location) {
        return methods.computeIfAbsent(id, k -> new MethodTally(location));
    }

    /** Adds everything from {@code other}; called in file order. */
    public void merge(Facts other) {
        types.addAll(other.types);
        // most dependencies are found in one file only: copied, their sites not merged one by one
        other.dependencies.forEach((key, tally) -> {
            DependencyTally mine = dependencies.get(key);
            if (mine == null) {
                dependencies.put(key, tally.copy());
            } else {
                mine.merge(tally);
            }
        });
        other.methods.forEach((id, tally) -> {
            MethodTally mine = methods.computeIfAbsent(id, k -> new MethodTally(tally.location));
            mine.calls.addAll(tally.calls);
            mine.references.addAll(tally.references);
        });
        entryPoints.addAll(other.entryPoints);
        entities.addAll(other.entities);
        repositories.addAll(other.repositories);
        tableAccesses.addAll(other.tableAccesses);
        risks.addAll(other.risks);
        problems.addAll(other.problems);
        jaxRsRoots.addAll(other.jaxRsRoots);
        jaxRsLocators.addAll(other.jaxRsLocators);
        jaxRsRelativeRoutes.addAll(other.jaxRsRelativeRoutes);
        statementsUsed.addAll(other.statementsUsed);
        resolved += other.resolved;
        guessed += other.guessed;
        unresolved += other.unresolved;
    }

    /**
     * The dependencies sorted by from, to and kind: grouped by from, the groups in order, then each group by to and
     * kind. Sorting them all at once compared long qualified names, which share most of their prefix, many more
     * times (about n log n against the number of classes times its log).
     */
    public List<Dependency> dependencyList() {
        Map<ClassName, List<Map.Entry<DependencyKey, DependencyTally>>> byFrom = new HashMap<>();
        dependencies.entrySet().forEach(entry -> byFrom.computeIfAbsent(entry.getKey().from(), k -> new ArrayList<>(4))
                .add(entry));
        List<Dependency> list = new ArrayList<>(dependencies.size());
        for (ClassName from : inOrder(byFrom.keySet())) {
            List<Map.Entry<DependencyKey, DependencyTally>> group = byFrom.get(from);
            group.sort(BY_TO_AND_KIND);
            group.forEach(entry -> {
                DependencyKey key = entry.getKey();
                DependencyTally tally = entry.getValue();
                list.add(new Dependency(key.from(), key.to(), key.kind(), Math.max(1, tally.weight),
                        List.copyOf(tally.sites), !tally.exact));
            });
        }
        return list;
    }

    /** The methods sorted by id: grouped by owner, the groups in order, then each group by name (see above). */
    public List<MethodInfo> methodList() {
        Map<ClassName, List<Map.Entry<MethodId, MethodTally>>> byOwner = new HashMap<>();
        methods.entrySet().forEach(entry -> byOwner.computeIfAbsent(entry.getKey().owner(), k -> new ArrayList<>(4))
                .add(entry));
        List<MethodInfo> list = new ArrayList<>(methods.size());
        for (ClassName owner : inOrder(byOwner.keySet())) {
            List<Map.Entry<MethodId, MethodTally>> group = byOwner.get(owner);
            group.sort(BY_NAME);
            group.forEach(entry -> {
                MethodTally tally = entry.getValue();
                list.add(new MethodInfo(entry.getKey(), tally.location, tally.calls, tally.references));
            });
        }
        return list;
    }

    private static ClassName[] inOrder(Set<ClassName> names) {
        ClassName[] sorted = names.toArray(new ClassName[0]);
        Arrays.sort(sorted);
        return sorted;
    }
}
