package dev.strangler.gateway.drain;

/** Where a gateway is in its life: ready only while {@link #SERVING}. */
public enum DrainState {
    /** The route table is loading or the server is not listening yet: not ready. */
    STARTING,
    /** Ready for traffic. */
    SERVING,
    /** Shutting down: not ready, still answering what it receives until the server stops accepting. */
    DRAINING,
    /** In-flight work finished, or the bound was hit. */
    STOPPED
}
