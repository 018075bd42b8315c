package dev.strangler.gateway.drain;

import sun.misc.Signal;

/**
 * Makes SIGTERM an orderly exit with status 0. The JVM's own handler runs the shutdown hooks too (Spring Boot's closes
 * the context, which drains) but then exits with 143, which process supervisors report as a failure; after a
 * drain that is the expected end, so this handler exits with 0 through {@link System#exit}, running the same hooks.
 */
public final class TerminationSignal {

    private TerminationSignal() {
    }

    /** Installs the handler; where the platform has no SIGTERM, leaves the JVM's behaviour as it is. */
    public static void exitZeroOnTerm() {
        try {
            Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        } catch (IllegalArgumentException e) {
            System.err.println("strangler gateway: SIGTERM cannot be handled here (" + e.getMessage()
                    + "); a termination exits with the JVM's status");
        }
    }
}
