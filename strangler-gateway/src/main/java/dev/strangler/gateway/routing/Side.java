package dev.strangler.gateway.routing;

/** Which side answers one request of a route. */
public enum Side {
    /** The legacy monolith. */
    MONOLITH,
    /** The route's target (a function or a service). */
    TARGET;

    /** The label used in metrics and logs. */
    public String label() {
        return this == MONOLITH ? "monolith" : "target";
    }
}
