package dev.strangler.analyzer.core;

import java.util.Objects;

/** What applying one decision gave: the next cut, or why it could not be applied. */
sealed interface DecisionOutcome permits DecisionOutcome.Applied, DecisionOutcome.Skipped {
    /** The note for the report. */
    String note();

    /**
     * The decision was applied.
     *
     * @param note what it did, in words
     * @param after the cut after it
     */
    record Applied(String note, NamedCut after) implements DecisionOutcome {
        public Applied {
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * The decision could not be applied; the cut stays as it was.
     *
     * @param note why, and what to check
     */
    record Skipped(String note) implements DecisionOutcome {
        public Skipped {
            Objects.requireNonNull(note, "note");
        }
    }
}
