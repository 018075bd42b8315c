package dev.strangler.gateway.dashboard;

/**
 * One side's figures over the dashboard's window.
 *
 * @param requests requests answered in the window
 * @param errors of those, the failed ones
 * @param perSecond requests per second
 * @param errorRate errors per request (0–1), null without requests
 * @param p50Millis median latency in milliseconds (its histogram bucket's upper bound, within 9 %), null without requests
 * @param p99Millis 99th percentile likewise
 */
public record SideRates(long requests, long errors, double perSecond, Double errorRate, Double p50Millis,
                        Double p99Millis) {

    /** Nothing in the window. */
    public static final SideRates NONE = new SideRates(0, 0, 0, null, null, null);

    public SideRates {
        if (requests < 0 || errors < 0 || errors > requests) {
            throw new IllegalArgumentException("errors must be between 0 and requests (" + requests + "), but was " + errors);
        }
        if (perSecond < 0 || Double.isNaN(perSecond)) {
            throw new IllegalArgumentException("perSecond must be 0 or more, but was " + perSecond);
        }
    }

    /** The figures of {@code counts}, counted over {@code seconds} (above 0). */
    public static SideRates of(SideCounts counts, double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("seconds must be above 0, but was " + seconds);
        }
        long requests = counts.requests();
        return new SideRates(requests, counts.errors(), requests / seconds,
                requests == 0 ? null : (double) counts.errors() / requests,
                counts.percentileMillis(0.50), counts.percentileMillis(0.99));
    }
}
