package dev.strangler.analyzer.source;

import dev.strangler.analyzer.cache.ScanCache;
import dev.strangler.analyzer.cache.ScanInputs;
import dev.strangler.analyzer.core.Codebase;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A scan's result still to be kept in the cache: the whole model ({@code scan.bin}), the per-file facts
 * ({@code files.bin}) and the files' hashes ({@code hashes.bin}). It is left to the caller to {@link #write} when it
 * suits, on another thread while the decomposition runs for one: nothing of the run's result depends on it. Write
 * once.
 */
public final class CacheWrite {
    /** Nothing to write: no cache, or the result came from it. */
    public static final CacheWrite NONE = new CacheWrite(null, null, null, null);

    private final ScanCache cache;
    private final Supplier<CachedScan.Snapshot> snapshot;
    private final Codebase codebase;
    private final KeptFiles files;

    /** The hashes only, when the model came from the cache but some files had to be hashed again. */
    static CacheWrite hashes(ScanCache cache, CachedScan.Snapshot snapshot) {
        return new CacheWrite(cache, () -> snapshot, null, null);
    }

    /**
     * @param snapshot the inputs the result is kept under, made when the cache is written: a first run hashes its
     *                 Java files only then ({@link DeferredSnapshot})
     */
    CacheWrite(ScanCache cache, Supplier<CachedScan.Snapshot> snapshot, Codebase codebase, KeptFiles files) {
        this.cache = cache;
        this.snapshot = snapshot;
        this.codebase = codebase;
        this.files = files;
    }

    /**
     * Writes the three files unless a file read by the scan changed while it was read (its facts would be kept under
     * content they were not made from; the next run is then a full one).
     *
     * @return warnings for stderr: what could not be written, and why
     */
    public List<String> write() {
        if (cache == null) {
            return List.of();
        }
        CachedScan.Snapshot snapshot = this.snapshot.get();
        int edited = snapshot.changedSince();
        if (edited > 0) {
            return List.of("cache: not written: " + edited + " file(s) changed while the scan read them;"
                    + " the next run will be a full one");
        }
        List<String> warnings = new ArrayList<>();
        ScanInputs inputs = snapshot.inputs();
        List<String> written = codebase == null ? List.of(cache.hashes().store(snapshot.began(), snapshot.hashed()))
                : List.of(cache.store(inputs, codebase), files.write(inputs),
                        cache.hashes().store(snapshot.began(), snapshot.hashed()));
        for (String failed : written) {
            if (!failed.isEmpty()) {
                warnings.add(failed);
            }
        }
        return warnings;
    }
}
