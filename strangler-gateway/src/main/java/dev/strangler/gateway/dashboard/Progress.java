package dev.strangler.gateway.dashboard;

import java.util.List;

/**
 * How far the migration has come.
 *
 * @param routes routes listed
 * @param onTargets routes sending some of their traffic (weight above 0) to a function or service
 * @param promoted of those, the ones sending all of it (weight 100)
 * @param targetShare share of all requests (listed routes and everything else) that functions and services answered
 *                    over the window (0–1), null without requests
 * @param targetShareSinceStart the same since startup
 */
public record Progress(int routes, int onTargets, int promoted, Double targetShare, Double targetShareSinceStart) {
    public Progress {
        if (routes < 0 || onTargets < 0 || onTargets > routes || promoted < 0 || promoted > onTargets) {
            throw new IllegalArgumentException("promoted (" + promoted + ") must be at most onTargets (" + onTargets
                    + "), at most routes (" + routes + ")");
        }
    }

    /** The progress of {@code rows}, with the requests no route matched over the window and since startup. */
    public static Progress of(List<RouteRow> rows, SideRates unmatched, long unmatchedSinceStart) {
        long targetNow = 0;
        long allNow = unmatched.requests();
        long targetTotal = 0;
        long allTotal = unmatchedSinceStart;
        int onTargets = 0;
        int promoted = 0;
        for (RouteRow row : rows) {
            targetNow += row.live().target().requests();
            allNow += row.live().target().requests() + row.live().monolith().requests();
            targetTotal += row.total("targetRequests");
            allTotal += row.total("targetRequests") + row.total("monolithRequests");
            if (row.isOnTarget()) {
                onTargets++;
                promoted += row.weight() == 100 ? 1 : 0;
            }
        }
        return new Progress(rows.size(), onTargets, promoted, share(targetNow, allNow), share(targetTotal, allTotal));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
