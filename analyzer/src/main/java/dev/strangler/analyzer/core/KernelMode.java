package dev.strangler.analyzer.core;

/** What a run does with the shared kernel it finds. */
public enum KernelMode {
    /** Keep it apart, a library every service ships with (the default). */
    KEEP,
    /** Move every kernel class to its best other candidate, so every class is in a service, as published tools place them. */
    FOLD
}
