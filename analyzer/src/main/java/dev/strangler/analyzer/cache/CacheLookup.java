package dev.strangler.analyzer.cache;

import dev.strangler.analyzer.core.Codebase;

import java.util.List;
import java.util.Objects;

/** What the cache had for a scan: the earlier result, or why a full scan is needed. */
public sealed interface CacheLookup permits CacheLookup.Hit, CacheLookup.Miss {
    /** The one line to print on stderr about the cache. */
    String note();

    /** Problems with the cache file itself (damaged, unreadable): warnings for the user, not for the report. */
    List<String> warnings();

    /**
     * The earlier result, valid for this scan: every input is the same.
     *
     * @param codebase the model written by the earlier run
     * @param files how many files were compared, for the note
     */
    record Hit(Codebase codebase, int files) implements CacheLookup {
        public Hit {
            Objects.requireNonNull(codebase, "codebase");
        }

        @Override
        public String note() {
            return String.format("cache: 0 of %,d files re-analysed", files);
        }

        @Override
        public List<String> warnings() {
            return List.of();
        }
    }

    /**
     * No usable result: the scan runs in full and the cache is rewritten after it.
     *
     * @param reason why, e.g. "3 files changed" or "no cache yet"
     * @param warnings what was wrong with the cache file, if anything
     */
    record Miss(String reason, List<String> warnings) implements CacheLookup {
        public Miss {
            Objects.requireNonNull(reason, "reason");
            warnings = List.copyOf(warnings);
        }

        @Override
        public String note() {
            return "cache: full run, " + reason;
        }
    }
}
