package dev.strangler.gateway.rollout;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies counted in fixed buckets growing by a factor of 2^(1/8) (about 9 %) from 50 µs to over a minute, so a
 * percentile is known within 9 % at any scale with 170 counters and no allocation per request. Thread-safe.
 */
public final class LatencyHistogram {

    private static final double FIRST_BOUND_NANOS = 50_000;
    private static final int PER_DOUBLING = 8;
    /** Bucket {@code i} holds latencies up to {@code FIRST_BOUND_NANOS * 2^(i/8)}; the last one everything above. */
    public static final int BUCKETS = 170;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    /** Counts one latency. */
    public void record(long nanos) {
        counts.incrementAndGet(bucket(nanos));
    }

    /** How many latencies were counted. */
    public long count() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        return total;
    }

    /**
     * The {@code quantile} (0–1) in milliseconds: the upper bound of the bucket holding it, so never below the true
     * value and at most 9 % above. NaN when nothing was counted.
     */
    public double percentileMillis(double quantile) {
        return percentileMillis(counts(), quantile);
    }

    /** The count of each bucket now, for {@link #percentileMillis(long[], double)} (of a difference of two, say). */
    public long[] counts() {
        long[] snapshot = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
        }
        return snapshot;
    }

    /**
     * The {@code quantile} (0–1) in milliseconds of bucket counts as {@link #counts()} gives them: the upper bound of
     * the bucket holding it. NaN when they hold nothing.
     */
    public static double percentileMillis(long[] snapshot, double quantile) {
        if (snapshot.length != BUCKETS) {
            throw new IllegalArgumentException("counts must have " + BUCKETS + " buckets, but had " + snapshot.length);
        }
        long total = 0;
        for (long count : snapshot) {
            total += count;
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return upperBoundNanos(i) / 1e6;
            }
        }
        return upperBoundNanos(BUCKETS - 1) / 1e6;
    }

    static int bucket(long nanos) {
        if (nanos <= FIRST_BOUND_NANOS) {
            return 0;
        }
        int index = (int) Math.ceil(PER_DOUBLING * (Math.log(nanos / FIRST_BOUND_NANOS) / Math.log(2)) - 1e-9);
        return Math.min(index, BUCKETS - 1);
    }

    static double upperBoundNanos(int bucket) {
        return FIRST_BOUND_NANOS * Math.pow(2, (double) bucket / PER_DOUBLING);
    }
}
