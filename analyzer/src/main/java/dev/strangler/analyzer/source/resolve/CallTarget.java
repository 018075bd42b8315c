package dev.strangler.analyzer.source.resolve;

import java.util.List;

/**
 * Where a call goes, as far as it could be settled: the codebase type that owns the method (null for a library or
 * unknown call), the type the call returns where known, how the receiver was found, and the implementations an
 * abstract owner's call may reach.
 */
record CallTarget(String owner, JType result, TypeIndex.Outcome outcome, List<String> implementations) {
    static final CallTarget LIBRARY = new CallTarget(null, null, TypeIndex.Outcome.LIBRARY, List.of());
    static final CallTarget UNKNOWN = new CallTarget(null, null, TypeIndex.Outcome.UNKNOWN, List.of());

    static CallTarget library(JType result) {
        return result == null ? LIBRARY : new CallTarget(null, result, TypeIndex.Outcome.LIBRARY, List.of());
    }

    /** A call into the codebase, found or guessed. */
    boolean reachesCodebase() {
        return outcome == TypeIndex.Outcome.CODEBASE || outcome == TypeIndex.Outcome.GUESSED;
    }
}
