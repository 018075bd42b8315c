package dev.strangler.gateway.dashboard;

import dev.strangler.gateway.rollout.LatencyHistogram;
import java.util.Arrays;

/**
 * One side's running totals of one route: requests, errors and the latency histogram's bucket counts, since startup.
 * Two of them subtracted give the figures of the time between.
 *
 * @param requests requests answered
 * @param errors of those, the failed ones
 * @param latency the {@link LatencyHistogram#counts()} of their latencies (copied; compared by content)
 */
public record SideCounts(long requests, long errors, long[] latency) {

    /** Nothing counted. */
    public static final SideCounts NONE = new SideCounts(0, 0, new long[LatencyHistogram.BUCKETS]);

    public SideCounts {
        if (requests < 0 || errors < 0) {
            throw new IllegalArgumentException("requests and errors must be 0 or more, but were " + requests + " and " + errors);
        }
        latency = latency.clone();
        if (latency.length != LatencyHistogram.BUCKETS) {
            throw new IllegalArgumentException("latency must have " + LatencyHistogram.BUCKETS + " buckets, but had "
                    + latency.length);
        }
    }

    /** What was counted after {@code earlier}: each total less its earlier value (never below 0). */
    public SideCounts minus(SideCounts earlier) {
        long[] buckets = new long[latency.length];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = Math.max(0, latency[i] - earlier.latency[i]);
        }
        long answered = Math.max(0, requests - earlier.requests);
        return new SideCounts(answered, Math.min(answered, Math.max(0, errors - earlier.errors)), buckets);
    }

    /** The {@code quantile} (0–1) of the latencies in milliseconds, null when none were counted. */
    public Double percentileMillis(double quantile) {
        double millis = LatencyHistogram.percentileMillis(latency, quantile);
        return Double.isNaN(millis) ? null : millis;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SideCounts o && requests == o.requests && errors == o.errors
                && Arrays.equals(latency, o.latency);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(requests) * 31 + Long.hashCode(errors) * 17 + Arrays.hashCode(latency);
    }

    @Override
    public String toString() {
        return "SideCounts[requests=" + requests + ", errors=" + errors + "]";
    }
}
