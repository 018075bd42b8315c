package dev.strangler.gateway.web;

import java.util.Locale;

/** What became of one sampled shadow copy; the {@code outcome} tag of {@code strangler_shadow_requests_total}. */
enum ShadowOutcome {
    /** The target answered like the monolith (status and compared headers). */
    MATCH,
    /** The target answered differently. */
    MISMATCH,
    /** The target failed, timed out, or its reply could not be mapped. */
    ERROR,
    /** Sampled but not copied or not compared: body too large or of unknown length, too many copies in flight, or no monolith answer. */
    SKIPPED;

    /** The tag value. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
