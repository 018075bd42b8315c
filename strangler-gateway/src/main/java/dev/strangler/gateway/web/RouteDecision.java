package dev.strangler.gateway.web;

import dev.strangler.gateway.routing.RequestFacts;
import dev.strangler.gateway.routing.RouteMatch;
import dev.strangler.gateway.routing.RouteTable;
import dev.strangler.gateway.routing.RouteTarget;
import dev.strangler.gateway.routing.Shadow;
import dev.strangler.gateway.routing.Side;
import dev.strangler.gateway.routing.SideChooser;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which route and side a request was given, and whether it was drawn for a shadow copy: decided once per request,
 * wherever it is served (the direct proxy path or Spring Cloud Gateway's chain).
 *
 * @param match the route matched, null when none did (the monolith's catch-all)
 * @param side the side serving it
 * @param shadowSampled whether a copy goes to the route's target (monolith side, shadow on, drawn, method copied)
 */
record RouteDecision(RouteMatch match, Side side, boolean shadowSampled) {

    /** Decides for {@code request} against {@code table}: the route, the side, and the shadow's own draw. */
    static RouteDecision of(RouteTable table, RequestFacts request) {
        Optional<RouteMatch> found = table.match(request);
        if (found.isEmpty()) {
            return new RouteDecision(null, Side.MONOLITH, false);
        }
        RouteMatch match = found.get();
        Side side = SideChooser.choose(match.route(), request);
        Shadow shadow = match.route().shadow();
        // a draw of its own, independent of the weight's
        boolean sampled = side == Side.MONOLITH && shadow.isOn()
                && ThreadLocalRandom.current().nextInt(100) < shadow.percent() && shadow.copies(request.method());
        return new RouteDecision(match, side, sampled);
    }

    String routeId() {
        return match == null ? RouteMetrics.DEFAULT_ROUTE : match.route().id();
    }

    String target() {
        return side == Side.MONOLITH ? "monolith" : match.route().target().describe();
    }

    /** The function this request is for, or null when it goes elsewhere. */
    RouteTarget.LambdaFunction function() {
        return side == Side.TARGET && match.route().target() instanceof RouteTarget.LambdaFunction function
                ? function : null;
    }

    /** The HTTP service this request is for, or null when it goes elsewhere. */
    RouteTarget.HttpService service() {
        return side == Side.TARGET && match.route().target() instanceof RouteTarget.HttpService service
                ? service : null;
    }

    /**
     * Whether a plain proxy serves it: the monolith or an HTTP service, with no shadow copy to make (a function's
     * request and a sampled copy take the WebFlux path, where their work lives).
     */
    boolean isProxied() {
        return function() == null && !shadowSampled;
    }
}
