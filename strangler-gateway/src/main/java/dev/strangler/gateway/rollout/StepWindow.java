package dev.strangler.gateway.rollout;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one route over one step: per side requests, errors and a latency histogram, and the shadow
 * comparisons. Thread-safe: recorded from the event loops, read by the scheduler.
 */
final class StepWindow {

    final String key;
    final Instant since;
    final SideFigures previousMonolith;
    final Side monolith = new Side();
    final Side target = new Side();
    final Side shadowTarget = new Side();
    final LongAdder shadowMatches = new LongAdder();
    final LongAdder shadowMismatches = new LongAdder();

    StepWindow(String key, Instant since, SideFigures previousMonolith) {
        this.key = Objects.requireNonNull(key, "key");
        this.since = Objects.requireNonNull(since, "since");
        this.previousMonolith = previousMonolith;
    }

    StepFigures figures() {
        return new StepFigures(since, monolith.figures(), target.figures(), shadowTarget.figures(),
                shadowMatches.sum(), shadowMismatches.sum(), previousMonolith);
    }

    /** One side's counters. */
    static final class Side {
        final LongAdder requests = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LatencyHistogram latency = new LatencyHistogram();

        void record(boolean failed, long nanos) {
            requests.increment();
            if (failed) {
                errors.increment();
            }
            if (nanos >= 0) {
                latency.record(nanos);
            }
        }

        SideFigures figures() {
            long errorCount = errors.sum();
            long requestCount = Math.max(requests.sum(), errorCount); // read one after the other while recording
            return new SideFigures(requestCount, errorCount, latency.percentileMillis(0.99));
        }
    }
}
