package dev.strangler.extraction.core;

import java.util.List;
import java.util.Objects;

/**
 * A table the candidate's code touches, reached through the monolith's database for now.
 *
 * @param table the table's name
 * @param owned whether the candidate owns it
 * @param sharedWith the other candidates touching it, sorted
 * @param writes statements writing it in the candidate's classes
 * @param reads statements reading it in the candidate's classes
 * @param otherWriters the other candidates whose classes write it, sorted
 */
public record TableUse(String table, boolean owned, List<String> sharedWith, int writes, int reads,
                       List<String> otherWriters) {
    public TableUse {
        Objects.requireNonNull(table, "table");
        sharedWith = List.copyOf(sharedWith);
        otherWriters = List.copyOf(otherWriters);
        if (writes < 0 || reads < 0) {
            throw new IllegalArgumentException("writes and reads must not be negative, but were " + writes + ", " + reads);
        }
    }

    public TableUse withOtherWriters(List<String> writers) {
        return new TableUse(table, owned, sharedWith, writes, reads, writers);
    }

    public boolean isShared() {
        return !sharedWith.isEmpty();
    }
}
