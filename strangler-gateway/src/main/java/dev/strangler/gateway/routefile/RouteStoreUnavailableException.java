package dev.strangler.gateway.routefile;

/**
 * The shared route store could not be reached or failed: the table in force stays and is served, a change is not
 * made. The admin API answers 503.
 */
public class RouteStoreUnavailableException extends RuntimeException {

    public RouteStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
