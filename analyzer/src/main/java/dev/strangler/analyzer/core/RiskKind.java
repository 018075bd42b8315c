package dev.strangler.analyzer.core;

/** Things in code that make it harder to run as a short-lived, stateless, horizontally scaled function. */
public enum RiskKind {
    STATIC_MUTABLE_STATE,
    HTTP_SESSION,
    LOCAL_FILE_WRITE,
    THREADS_AND_EXECUTORS,
    SCHEDULED_JOB,
    IN_MEMORY_CACHE,
    LONG_SYNCHRONOUS_LOOP,
    NATIVE_CODE,
    HEAVY_STARTUP
}
