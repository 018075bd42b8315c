package dev.strangler.analyzer.core;

import java.util.List;
import java.util.Objects;

/**
 * The result of boundary detection: candidates, placements, metrics and how the number of services was chosen.
 *
 * @param codebase what was analysed
 * @param graph the class graph the candidates were cut from
 * @param useCases the traced use cases, in entry point order
 * @param candidates the services in extraction order, then the shared kernel
 * @param placements one per class, sorted by class name
 * @param metrics the metrics of the final cut
 * @param metricsGraph which graph the metrics were computed on, in words
 * @param byKernel the cut's metrics with the kernel left out, as a partition and folded (published tools place
 *                 every class)
 * @param choice how the number of services was chosen
 * @param neighbours the metrics for neighbouring numbers of services, sorted by number
 * @param decisionEffects what each decision of the team cost or gained, in the order applied
 * @param problems problems found while deciding (a decision naming an unknown candidate, for example)
 * @param agreement agreement with a known decomposition, or null when none was given
 * @param traffic what production traffic says about the cut, or null when no traffic was given; with it, the
 *                candidates are in the traffic-weighed extraction order
 */
public record Decomposition(Codebase codebase, ClassGraph graph, List<UseCase> useCases,
                            List<ServiceCandidate> candidates, List<Placement> placements,
                            DecompositionMetrics metrics, String metricsGraph, MetricsByKernel byKernel,
                            Choice choice,
                            List<Neighbour> neighbours, List<DecisionEffect> decisionEffects, List<Problem> problems,
                            Agreement agreement, Traffic traffic) {
    public Decomposition {
        Objects.requireNonNull(codebase, "codebase");
        Objects.requireNonNull(graph, "graph");
        useCases = List.copyOf(useCases);
        candidates = List.copyOf(candidates);
        placements = List.copyOf(placements);
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(metricsGraph, "metricsGraph");
        Objects.requireNonNull(byKernel, "byKernel");
        Objects.requireNonNull(choice, "choice");
        neighbours = List.copyOf(neighbours);
        decisionEffects = List.copyOf(decisionEffects);
        problems = List.copyOf(problems);
    }

    public Decomposition withAgreement(Agreement agreement) {
        return withAgreement(agreement, List.of());
    }

    /** With the agreement, and the problems met while reading the known decomposition added to this one's. */
    public Decomposition withAgreement(Agreement agreement, List<Problem> agreementProblems) {
        List<Problem> all = new java.util.ArrayList<>(problems);
        all.addAll(agreementProblems);
        return new Decomposition(codebase, graph, useCases, candidates, placements, metrics, metricsGraph, byKernel,
                choice, neighbours, decisionEffects, all, agreement, traffic);
    }

    /**
     * With production traffic weighed in: each candidate's share of the requests and errors, each use case's count,
     * and the extraction order by difficulty plus traffic risk.
     *
     * @param source where the counts came from, for the report
     * @param tallies the requests read, by method and path
     * @param readingProblems what could not be read, added to this decomposition's problems
     */
    public Decomposition withTraffic(String source, List<RequestTally> tallies, List<Problem> readingProblems) {
        TrafficWeighing weighed = TrafficWeighing.of(source, tallies, useCases, candidates);
        List<Problem> all = new java.util.ArrayList<>(problems);
        all.addAll(readingProblems);
        return new Decomposition(codebase, graph, useCases, weighed.candidates(), placements, metrics, metricsGraph,
                byKernel, choice, neighbours, decisionEffects, all, agreement, weighed.traffic());
    }

    /** The services, without the shared kernel. */
    public List<ServiceCandidate> services() {
        return candidates.stream().filter(candidate -> !candidate.sharedKernel()).toList();
    }

    /**
     * How the number of services was chosen.
     *
     * @param services the number chosen
     * @param resolution Louvain's resolution γ
     * @param communities how many communities Louvain found at that resolution
     * @param modularity the modularity of the chosen cut on the clustering graph
     * @param reason why, in words
     */
    public record Choice(int services, double resolution, int communities, double modularity, String reason) {
        public Choice {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The unconstrained cut with another number of services.
     *
     * @param services the number of services
     * @param modularity its modularity on the clustering graph
     * @param metrics its metrics
     * @param chosen whether this is the number chosen
     */
    public record Neighbour(int services, double modularity, DecompositionMetrics metrics, boolean chosen) {
    }

    /**
     * What one decision changed.
     *
     * @param decision the decision
     * @param applied whether it could be applied
     * @param note what happened, in words
     * @param before the metrics before it
     * @param after the metrics after it
     */
    public record DecisionEffect(Decision decision, boolean applied, String note, DecompositionMetrics before,
                                 DecompositionMetrics after) {
        /** Whether it raised CARGO coupling (more call weight crossing services). */
        public boolean costsCoupling() {
            return after.coupling() > before.coupling() + 1e-9;
        }
    }
}
