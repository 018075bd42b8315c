package dev.strangler.gateway.dashboard;

import java.util.Objects;

/**
 * One route's figures per side over the dashboard's window.
 *
 * @param monolith the monolith's
 * @param target the target's (function or service), fallbacks counted as its errors
 */
public record RouteRates(SideRates monolith, SideRates target) {

    /** Nothing in the window. */
    public static final RouteRates NONE = new RouteRates(SideRates.NONE, SideRates.NONE);

    public RouteRates {
        Objects.requireNonNull(monolith, "monolith");
        Objects.requireNonNull(target, "target");
    }
}
