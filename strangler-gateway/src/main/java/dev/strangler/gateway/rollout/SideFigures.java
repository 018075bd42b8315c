package dev.strangler.gateway.rollout;

/**
 * One side's figures over a step.
 *
 * @param requests requests answered (for a shadow target: copies answered or failed)
 * @param errors of those, the failed ones
 * @param p99Millis 99th percentile latency in milliseconds (the upper bound of its histogram bucket), NaN without
 *                  requests
 */
public record SideFigures(long requests, long errors, double p99Millis) {

    /** No requests. */
    public static final SideFigures NONE = new SideFigures(0, 0, Double.NaN);

    public SideFigures {
        if (requests < 0 || errors < 0 || errors > requests) {
            throw new IllegalArgumentException("errors must be between 0 and requests (" + requests + "), but was " + errors);
        }
    }

    /** Errors per request, 0 without requests. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }
}
