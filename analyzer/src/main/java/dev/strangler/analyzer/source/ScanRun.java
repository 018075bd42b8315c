package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.Codebase;

import java.util.List;
import java.util.Objects;

/**
 * One scan's model and how it was made.
 *
 * @param codebase the model
 * @param filesAnalysed Java files analysed in this run: all of them on a full run, those whose facts could have
 *                      changed when the others' came from the per-file cache, 0 when the cache held the whole result
 * @param cacheNote the one line about the cache for stderr ("cache: 0 of 1,204 files re-analysed"), "" without cache
 * @param warnings problems with the cache itself, for stderr; they never change the model
 * @param cacheWrite what is still to be written to the cache ({@link CacheWrite#NONE}: nothing)
 */
public record ScanRun(Codebase codebase, int filesAnalysed, String cacheNote, List<String> warnings,
                      CacheWrite cacheWrite) {
    public ScanRun {
        Objects.requireNonNull(codebase, "codebase");
        Objects.requireNonNull(cacheNote, "cacheNote");
        Objects.requireNonNull(cacheWrite, "cacheWrite");
        if (filesAnalysed < 0) {
            throw new IllegalArgumentException("filesAnalysed must be 0 or more, but was " + filesAnalysed);
        }
        warnings = List.copyOf(warnings);
    }
}
