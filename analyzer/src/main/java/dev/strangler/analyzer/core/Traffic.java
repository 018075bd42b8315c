package dev.strangler.analyzer.core;

import java.util.List;
import java.util.Objects;

/**
 * What production traffic says about the cut: each candidate's share of the requests and of the server errors, each
 * use case's count, and what matched no route. An HTTP access log shows no job or message, so those count 0.
 *
 * @param source where the counts came from, for the report
 * @param requests every request read
 * @param matched the requests served by a route of the codebase
 * @param errors the server errors (status 500 or more) among the matched requests
 * @param candidates per service, in extraction order
 * @param useCases per use case with at least one request, in use case order
 * @param unmatched the paths with most requests that matched no route (at most {@link #UNMATCHED_SHOWN}), most first
 * @param unmatchedRequests the requests that matched no route
 */
public record Traffic(String source, long requests, long matched, long errors, List<CandidateTraffic> candidates,
                      List<UseCaseTraffic> useCases, List<RequestTally> unmatched, long unmatchedRequests) {
    public static final int UNMATCHED_SHOWN = 10;
    /** The extraction order's risk points for a candidate serving all the traffic: 50 × its share. */
    public static final int RISK_WEIGHT = 50;

    public Traffic {
        Objects.requireNonNull(source, "source");
        candidates = List.copyOf(candidates);
        useCases = List.copyOf(useCases);
        unmatched = List.copyOf(unmatched);
    }

    /**
     * One candidate's traffic.
     *
     * @param candidate its name
     * @param requests requests to its routes
     * @param errors server errors among them
     * @param share its share of the matched requests, 0..1
     * @param errorShare its share of the matched server errors, 0..1 (0 without errors)
     * @param risk extraction risk points, {@link #RISK_WEIGHT} × share, rounded
     * @param priority difficulty + risk: the extraction order's key, lowest first
     */
    public record CandidateTraffic(String candidate, long requests, long errors, double share, double errorShare,
                                   int risk, int priority) {
        public CandidateTraffic {
            Objects.requireNonNull(candidate, "candidate");
        }
    }

    /**
     * One use case's traffic.
     *
     * @param label the use case's label, {@code GET /api/x}
     * @param handler its handler, as {@code a.b.C#method}, since two use cases may share a label
     * @param requests requests it served
     * @param errors server errors among them
     */
    public record UseCaseTraffic(String label, String handler, long requests, long errors) {
        public UseCaseTraffic {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(handler, "handler");
        }
    }
}
