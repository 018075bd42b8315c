package dev.strangler.gateway.routing;

import dev.strangler.gateway.rollout.Rollout;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One entry of the route file: which requests it matches and how many of them its target serves.
 *
 * @param id unique, stable name used in metrics, logs and the admin API
 * @param paths path templates, any of which matches
 * @param methods upper-case HTTP methods, any of which matches; empty means every method
 * @param headers header name (lower case) to a regular expression the whole value must match
 * @param target where the moved share goes
 * @param weight percentage (0–100) of matching requests sent to the target rather than the monolith
 * @param stickyBy the key that keeps one user on one side, or null for a random draw per request
 * @param testerHeader header whose value ({@code monolith} or {@code target}) forces a side
 * @param fallback whether safe methods are answered by the monolith when the target fails
 * @param shadow whether monolith-served requests are also copied to the target for comparison; never null
 * @param invocation how a Lambda target is invoked; {@link InvocationType#EVENT} only with a Lambda target; never null
 * @param rollout the route's rollout plan and state, or null when it has none
 */
public record Route(String id, List<PathPattern> paths, Set<String> methods, Map<String, String> headers,
                    RouteTarget target, int weight, Stickiness stickyBy, String testerHeader, boolean fallback,
                    Shadow shadow, InvocationType invocation, Rollout rollout) {

    /** The tester header used when a route does not name one. */
    public static final String DEFAULT_TESTER_HEADER = "x-strangler-side";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public Route {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lower-case letters, digits, '.', '_' or '-' (at most 63), but was '" + id + "'");
        }
        paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("route '" + id + "' needs at least one path");
        }
        methods = Set.copyOf(Objects.requireNonNull(methods, "methods").stream()
                .map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toSet()));
        headers = Map.copyOf(new TreeMap<>(Objects.requireNonNull(headers, "headers")).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue)));
        Objects.requireNonNull(target, "target");
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("weight must be between 0 and 100, but was " + weight);
        }
        testerHeader = testerHeader == null || testerHeader.isBlank()
                ? DEFAULT_TESTER_HEADER : testerHeader.toLowerCase(Locale.ROOT);
        shadow = shadow == null ? Shadow.OFF : shadow;
        if (shadow.isOn() && target instanceof RouteTarget.Monolith) {
            throw new IllegalArgumentException("route '" + id + "' shadows " + shadow.percent() + "% of its requests,"
                    + " but its target is the monolith; give it a lambda or url target, or set the shadow percent to 0");
        }
        invocation = invocation == null ? InvocationType.REQUEST_RESPONSE : invocation;
        if (invocation == InvocationType.EVENT && !(target instanceof RouteTarget.LambdaFunction)) {
            throw new IllegalArgumentException("route '" + id + "' is invoked as 'event', which only a Lambda function"
                    + " can be, but its target is " + target.describe() + "; give it {lambda: ...} or remove 'invocation'");
        }
        if (rollout != null && (rollout.isRunning() || rollout.isPending()) && target instanceof RouteTarget.Monolith) {
            throw new IllegalArgumentException("route '" + id + "' has a rollout to run, but its target is the monolith;"
                    + " give it a lambda or url target, or remove the rollout");
        }
    }

    /** A route whose Lambda target, if any, is invoked synchronously, without a rollout. */
    public Route(String id, List<PathPattern> paths, Set<String> methods, Map<String, String> headers,
                 RouteTarget target, int weight, Stickiness stickyBy, String testerHeader, boolean fallback,
                 Shadow shadow) {
        this(id, paths, methods, headers, target, weight, stickyBy, testerHeader, fallback, shadow,
                InvocationType.REQUEST_RESPONSE, null);
    }

    /** A route without shadow traffic. */
    public Route(String id, List<PathPattern> paths, Set<String> methods, Map<String, String> headers,
                 RouteTarget target, int weight, Stickiness stickyBy, String testerHeader, boolean fallback) {
        this(id, paths, methods, headers, target, weight, stickyBy, testerHeader, fallback, Shadow.OFF);
    }

    /** This route with another target and weight; everything else unchanged. */
    public Route withTarget(RouteTarget newTarget, int newWeight) {
        return new Route(id, paths, methods, headers, newTarget, newWeight, stickyBy, testerHeader, fallback, shadow,
                invocation, rollout);
    }

    /** This route with another shadow setting; everything else unchanged. */
    public Route withShadow(Shadow newShadow) {
        return new Route(id, paths, methods, headers, target, weight, stickyBy, testerHeader, fallback, newShadow,
                invocation, rollout);
    }

    /** This route with another invocation type; everything else unchanged. */
    public Route withInvocation(InvocationType newInvocation) {
        return new Route(id, paths, methods, headers, target, weight, stickyBy, testerHeader, fallback, shadow,
                newInvocation, rollout);
    }

    /** This route with another rollout (null: none); everything else unchanged. */
    public Route withRollout(Rollout newRollout) {
        return new Route(id, paths, methods, headers, target, weight, stickyBy, testerHeader, fallback, shadow,
                invocation, newRollout);
    }

    /** This route with another weight. */
    public Route withWeight(int newWeight) {
        return withTarget(target, newWeight);
    }

    /** Whether the target is somewhere other than the monolith. */
    public boolean isMoved() {
        return !(target instanceof RouteTarget.Monolith);
    }
}
