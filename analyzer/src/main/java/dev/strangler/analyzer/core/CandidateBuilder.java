package dev.strangler.analyzer.core;

import dev.strangler.analyzer.core.ServiceCandidate.Difficulty;
import dev.strangler.analyzer.core.ServiceCandidate.Fitness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** Turns named groups into {@link ServiceCandidate}s: routes, table ownership, links, risks, difficulty, fitness. */
final class CandidateBuilder {
    /** What a risk kind costs on the 0..100 fitness scale, and how to remove it. */
    private record RiskRating(int penalty, String advice) {
    }

    /** Each further occurrence of a kind adds 2 to its penalty, up to 10 more. */
    private static final Map<RiskKind, RiskRating> RISK_RATINGS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            RiskKind.HTTP_SESSION, new RiskRating(25, "move session state to a store (DynamoDB, a token)"),
            RiskKind.NATIVE_CODE, new RiskRating(25, "native libraries must be packaged for the function runtime's OS"),
            RiskKind.LOCAL_FILE_WRITE, new RiskRating(20, "write to object storage; /tmp is small and not shared"),
            RiskKind.THREADS_AND_EXECUTORS, new RiskRating(20, "background threads freeze between invocations; use queues"),
            RiskKind.SCHEDULED_JOB, new RiskRating(15, "run it from a scheduler rule as its own function"),
            RiskKind.HEAVY_STARTUP, new RiskRating(15, "cold starts pay for it; make it lazy or use snapshots"),
            RiskKind.STATIC_MUTABLE_STATE, new RiskRating(10, "state is per instance and lost on scale-out"),
            RiskKind.IN_MEMORY_CACHE, new RiskRating(10, "a per-instance cache goes stale across instances; use a shared cache"),
            RiskKind.LONG_SYNCHRONOUS_LOOP, new RiskRating(10, "long work hits the function timeout; split or make it asynchronous"))));

    private final CodebaseFacts facts;

    CandidateBuilder(CodebaseFacts facts) {
        this.facts = facts;
    }

    /** Candidates in extraction order, then the shared kernel (when it has classes). */
    List<ServiceCandidate> build(LinkedHashMap<String, SortedSet<ClassName>> groups, SortedSet<ClassName> kernel) {
        Map<ClassName, String> candidateOf = new HashMap<>();
        groups.forEach((name, classes) -> classes.forEach(unit -> candidateOf.put(unit, name)));
        kernel.forEach(unit -> candidateOf.put(unit, Decomposer.SHARED_KERNEL));
        Map<String, String> tableOwner = tableOwners(candidateOf);
        // each candidate only reads the facts: built on every core, kept in the groups' order, the kernel last
        List<String> names = new ArrayList<>(groups.keySet());
        List<ServiceCandidate> built = IntStream.rangeClosed(0, names.size()).parallel()
                .filter(i -> i < names.size() || !kernel.isEmpty())
                .mapToObj(i -> i < names.size()
                        ? candidate(names.get(i), false, groups.get(names.get(i)), candidateOf, tableOwner, 0)
                        : candidate(Decomposer.SHARED_KERNEL, true, kernel, candidateOf, tableOwner, 0))
                .toList();
        List<ServiceCandidate> services = built.subList(0, names.size());
        List<ServiceCandidate> ordered = new ArrayList<>(services);
        ordered.sort(Comparator.comparingInt((ServiceCandidate c) -> c.difficulty().score())
                .thenComparingLong(c -> c.tables().stream().filter(t -> !t.sharedWith().isEmpty()).count())
                .thenComparing(ServiceCandidate::name));
        List<ServiceCandidate> result = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            ServiceCandidate c = ordered.get(i);
            result.add(new ServiceCandidate(c.name(), false, c.classes(), c.routes(), c.tables(), c.inbound(),
                    c.outbound(), c.risks(), c.difficulty(), c.fitness(), i + 1));
        }
        if (!kernel.isEmpty()) {
            result.add(built.get(names.size()));
        }
        return result;
    }

    /** Owner of each table: the candidate with the highest score (3 per write, 3 per entity mapping, 2 per repository, 1 per read). */
    private Map<String, String> tableOwners(Map<ClassName, String> candidateOf) {
        Map<String, String> owners = new HashMap<>();
        facts.tableUse.forEach((table, users) -> {
            SortedMap<String, Integer> scores = new TreeMap<>();
            users.forEach((unit, counts) -> scores.merge(candidateOf.getOrDefault(unit, Decomposer.SHARED_KERNEL),
                    3 * counts[CodebaseFacts.WRITES] + 3 * counts[CodebaseFacts.MAPPINGS]
                            + 2 * counts[CodebaseFacts.REPOSITORIES] + counts[CodebaseFacts.READS], Integer::sum));
            String owner = null;
            int best = -1;
            for (var score : scores.entrySet()) {
                // the shared kernel owns a table only when nobody else touches it
                int value = score.getKey().equals(Decomposer.SHARED_KERNEL) ? 0 : score.getValue();
                if (value > best) {
                    best = value;
                    owner = score.getKey();
                }
            }
            owners.put(table, owner);
        });
        return owners;
    }

    private ServiceCandidate candidate(String name, boolean sharedKernel, SortedSet<ClassName> classes,
                                       Map<ClassName, String> candidateOf, Map<String, String> tableOwner, int order) {
        List<EntryPoint> routes = new ArrayList<>();
        for (EntryPoint entryPoint : facts.codebase.entryPoints()) {
            ClassName unit = facts.graph.unitOf(entryPoint.handler().owner());
            if (unit != null && classes.contains(unit)) {
                routes.add(entryPoint);
            }
        }
        routes.sort(Comparator.comparing(EntryPoint::path).thenComparing(EntryPoint::httpMethod)
                .thenComparing(EntryPoint::handler));
        List<ServiceCandidate.TableShare> tables = new ArrayList<>();
        facts.tableUse.forEach((table, users) -> {
            int writes = 0;
            int reads = 0;
            boolean touches = false;
            SortedSet<String> others = new TreeSet<>();
            for (var use : users.entrySet()) {
                String owner = candidateOf.getOrDefault(use.getKey(), Decomposer.SHARED_KERNEL);
                if (classes.contains(use.getKey())) {
                    touches = true;
                    writes += use.getValue()[CodebaseFacts.WRITES];
                    reads += use.getValue()[CodebaseFacts.READS];
                } else {
                    others.add(owner);
                }
            }
            if (touches) {
                others.remove(name);
                tables.add(new ServiceCandidate.TableShare(table, name.equals(tableOwner.get(table)),
                        List.copyOf(others), writes, reads));
            }
        });
        SortedMap<String, List<Dependency>> outbound = new TreeMap<>();
        SortedMap<String, List<Dependency>> inbound = new TreeMap<>();
        for (Dependency dependency : facts.graph.dependencies()) {
            String from = candidateOf.get(dependency.from());
            String to = candidateOf.get(dependency.to());
            if (from == null || to == null || from.equals(to)) {
                continue;
            }
            if (from.equals(name)) {
                outbound.computeIfAbsent(to, k -> new ArrayList<>()).add(dependency);
            } else if (to.equals(name)) {
                inbound.computeIfAbsent(from, k -> new ArrayList<>()).add(dependency);
            }
        }
        List<Risk> risks = new ArrayList<>();
        for (Risk risk : facts.codebase.risks()) {
            ClassName unit = facts.graph.unitOf(risk.owner());
            if (unit != null && classes.contains(unit)) {
                risks.add(risk);
            }
        }
        risks.sort(Comparator.comparing(Risk::location).thenComparing(Risk::kind).thenComparing(Risk::detail));
        List<ServiceCandidate.CandidateLink> in = links(inbound);
        List<ServiceCandidate.CandidateLink> out = links(outbound);
        return new ServiceCandidate(name, sharedKernel, classes, routes, tables, in, out, risks,
                difficulty(classes, tables, in, out, risks, candidateOf), fitness(risks), order);
    }

    private static List<ServiceCandidate.CandidateLink> links(SortedMap<String, List<Dependency>> byCandidate) {
        List<ServiceCandidate.CandidateLink> links = new ArrayList<>();
        byCandidate.forEach((candidate, dependencies) -> {
            long weight = dependencies.stream().mapToLong(Dependency::weight).sum();
            links.add(new ServiceCandidate.CandidateLink(candidate, weight, dependencies));
        });
        return links;
    }

    /**
     * 0..100: up to 40 for the share of its call weight that crosses its border (excluding the shared kernel),
     * 8 per shared table (up to 24), 2 per other candidate class that calls into it (up to 16), and
     * 20 × (1 − fitness/100) for its serverless risks.
     */
    private Difficulty difficulty(SortedSet<ClassName> classes, List<ServiceCandidate.TableShare> tables,
                                  List<ServiceCandidate.CandidateLink> in, List<ServiceCandidate.CandidateLink> out,
                                  List<Risk> risks, Map<ClassName, String> candidateOf) {
        double inside = 0;
        double border = 0;
        // asked for every call of the codebase, once per candidate: a hash set, not the sorted one
        Set<ClassName> members = new HashSet<>(classes);
        for (var from : facts.graph.calls().entrySet()) {
            boolean fromIn = members.contains(from.getKey());
            for (var to : from.getValue().entrySet()) {
                boolean toIn = members.contains(to.getKey());
                if (fromIn && toIn) {
                    inside += to.getValue();
                } else if ((fromIn || toIn)
                        && !Decomposer.SHARED_KERNEL.equals(candidateOf.get(fromIn ? to.getKey() : from.getKey()))) {
                    border += to.getValue();
                }
            }
        }
        List<String> reasons = new ArrayList<>();
        double crossShare = inside + border == 0 ? 0 : border / (inside + border);
        double score = 40 * crossShare;
        if (border > 0) {
            reasons.add(String.format(Locale.ROOT, "%.0f %% of its call weight crosses to other services (+%.0f)",
                    100 * crossShare, 40 * crossShare));
        }
        long shared = tables.stream().filter(t -> !t.sharedWith().isEmpty()).count();
        if (shared > 0) {
            score += Math.min(24, 8 * shared);
            reasons.add(shared + " shared table(s) (+" + Math.min(24, 8 * shared) + ")");
        }
        long callers = in.stream().filter(link -> !link.candidate().equals(Decomposer.SHARED_KERNEL))
                .flatMap(link -> link.dependencies().stream()).map(Dependency::from).distinct().count();
        if (callers > 0) {
            score += Math.min(16, 2 * callers);
            reasons.add(callers + " class(es) of other services depend on it (+" + Math.min(16, 2 * callers) + ")");
        }
        Fitness fitness = fitness(risks);
        if (fitness.score() < 100) {
            double riskPart = 20 * (1 - fitness.score() / 100.0);
            score += riskPart;
            reasons.add(String.format(Locale.ROOT, "%d serverless risk(s), fitness %d (+%.0f)", risks.size(),
                    fitness.score(), riskPart));
        }
        if (reasons.isEmpty()) {
            reasons.add("no coupling, shared tables or risks found");
        }
        return new Difficulty((int) Math.round(Math.min(100, score)), reasons);
    }

    static Fitness fitness(List<Risk> risks) {
        Map<RiskKind, Integer> counts = new EnumMap<>(RiskKind.class);
        risks.forEach(risk -> counts.merge(risk.kind(), 1, Integer::sum));
        int score = 100;
        List<String> reasons = new ArrayList<>();
        for (var entry : counts.entrySet()) {
            int penalty = RISK_RATINGS.get(entry.getKey()).penalty() + Math.min(10, 2 * (entry.getValue() - 1));
            score -= penalty;
            reasons.add(entry.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " ×" + entry.getValue()
                    + " (−" + penalty + "): " + RISK_RATINGS.get(entry.getKey()).advice());
        }
        score = Math.max(0, score);
        String rating = score >= 75 ? "good" : score >= 50 ? "fair" : "poor";
        if (reasons.isEmpty()) {
            reasons.add("no serverless risks found");
        }
        return new Fitness(score, rating, reasons);
    }
}
