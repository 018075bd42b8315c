package dev.strangler.analyzer.source;

import dev.strangler.analyzer.cache.CacheLookup;
import dev.strangler.analyzer.cache.ScanCache;
import dev.strangler.analyzer.cache.ScanInputs;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.source.parse.SourceTree;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the cache adds to a cold run, in a fresh JVM: the scan without cache first (so the JIT has warmed up as it
 * would have in a real run), then the cache's own steps, each timed in wall and process CPU: the tree walk and the
 * hashing of every read file, writing the cache, and reading it back. Arguments: the root and a cache folder (emptied).
 */
public final class CacheCostBenchmark {
    private CacheCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path folder = Path.of(args[1]);
        Files.deleteIfExists(folder.resolve("scan.bin"));
        int threads = Runtime.getRuntime().availableProcessors();
        ScanOptions options = new ScanOptions(List.of(), threads);
        long[] mark = mark();
        Codebase codebase = new SourceScanner(options).scan(root, ProgressListener.NONE);
        print("scan without cache", mark);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            mark = mark();
            ScanInputs inputs = CachedScan.inputs(root, SourceTree.walk(root, options.maxFileBytes()), options, pool);
            print("walk + hash " + inputs.files().size() + " files", mark);
            ScanCache cache = ScanCache.in(folder);
            mark = mark();
            String failed = cache.store(inputs, codebase);
            print("write the cache (" + Files.size(folder.resolve("scan.bin")) + " bytes)" + failed, mark);
            mark = mark();
            CacheLookup found = cache.find(inputs);
            print("read it back: " + found.note(), mark);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] mark() {
        return new long[]{System.nanoTime(), cpu()};
    }

    private static void print(String what, long[] mark) {
        System.out.printf(Locale.ROOT, "%-50s wall %6.3f s, CPU %6.3f s%n", what, (System.nanoTime() - mark[0]) / 1e9,
                (cpu() - mark[1]) / 1e9);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
