package dev.strangler.analyzer.core;

/**
 * The decomposition metrics of the literature, computed as {@code docs}: see the analyzer README for each formula
 * and its source.
 *
 * @param partitions K, the number of service groups the metrics were computed over (shared kernel excluded)
 * @param sm structural modularity (Mono2Micro), higher is better
 * @param icp inter-partition call percentage with log-damped weights (Mono2Micro), lower is better
 * @param icpRaw inter-partition call percentage with raw call counts (CARGO's variant), lower is better
 * @param ifn interface number, lower is better
 * @param ned non-extreme distribution, lower is better
 * @param bcp business context purity over the traced use cases, lower is better
 * @param cohesion CARGO's cohesion, higher is better
 * @param coupling CARGO's coupling, lower is better
 * @param transactionalPurity CARGO's transactional purity, higher is better
 */
public record DecompositionMetrics(int partitions, double sm, double icp, double icpRaw, double ifn, double ned,
                                   double bcp, double cohesion, double coupling, double transactionalPurity) {
}
