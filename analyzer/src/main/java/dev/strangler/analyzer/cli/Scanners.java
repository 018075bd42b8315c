package dev.strangler.analyzer.cli;

import dev.strangler.analyzer.bytecode.BytecodeScanner;
import dev.strangler.analyzer.cache.ScanCache;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.source.CacheWrite;
import dev.strangler.analyzer.source.ScanOptions;
import dev.strangler.analyzer.source.ScanRun;
import dev.strangler.analyzer.source.SourceScanner;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** How the command reads a codebase; tests give a fixed model instead of scanning. */
interface Scanners {
    Codebase scan(Path root, List<Path> classpath, int threads, ProgressListener progress);

    /**
     * Scans with the cache kept in {@code cacheFolder} (null: none), telling {@code notes} about it in one line
     * per note; a fixed model ignores the cache. The cache may still be being written when this returns.
     */
    default Scanned scan(Path root, List<Path> classpath, int threads, Path cacheFolder,
                         ProgressListener progress, Consumer<String> notes) {
        return new Scanned(scan(root, classpath, threads, progress), CompletableFuture.completedFuture(List.of()));
    }

    /**
     * A scan's model, and the writing of the cache that goes on beside the decomposition.
     *
     * @param cacheWritten completes, with the warnings for stderr, when the cache is written; fails as the scan would
     */
    record Scanned(Codebase codebase, CompletableFuture<List<String>> cacheWritten) {
    }

    /** The source scanner, with the bytecode scanner when a classpath is given. */
    Scanners SOURCE = new Scanners() {
        @Override
        public Codebase scan(Path root, List<Path> classpath, int threads, ProgressListener progress) {
            return scan(root, classpath, threads, null, progress, note -> { }).codebase();
        }

        @Override
        public Scanned scan(Path root, List<Path> classpath, int threads, Path cacheFolder,
                            ProgressListener progress, Consumer<String> notes) {
            ScanCache cache = cacheFolder == null ? null : ScanCache.in(cacheFolder);
            ScanRun run = new SourceScanner(new ScanOptions(classpath, threads), cache).start(root, progress);
            run.warnings().forEach(notes);
            if (!run.cacheNote().isEmpty()) {
                notes.accept(run.cacheNote());
            }
            CompletableFuture<List<String>> written = inBackground(run.cacheWrite());
            Codebase codebase = run.codebase();
            return new Scanned(classpath.isEmpty() ? codebase
                    : new BytecodeScanner().enrich(codebase, classpath, progress), written);
        }
    };

    /** Writes the cache on a thread of its own: the decomposition does not wait for the disk. */
    private static CompletableFuture<List<String>> inBackground(CacheWrite write) {
        if (write == CacheWrite.NONE) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<List<String>> written = new CompletableFuture<>();
        Thread writer = new Thread(() -> {
            try {
                written.complete(write.write());
            } catch (RuntimeException | Error e) {
                written.completeExceptionally(e);
            }
        }, "cache-writer");
        writer.setDaemon(true);
        writer.start();
        return written;
    }
}
