package dev.strangler.analyzer.bench;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.source.ScanOptions;
import dev.strangler.analyzer.source.SourceScanner;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Scans a source tree and prints lines of code per second and peak heap; see the analyzer's README.
 * Arguments: the root, then optionally the number of threads (default: all cores) and of runs (default 1; the last
 * run is reported, earlier ones warm the JIT; the heap is collected between runs).
 */
public final class ScanBenchmark {
    private ScanBenchmark() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Codebase codebase = null;
        long nanos = 0;
        PhaseTimer phases = null;
        for (int run = 0; run < runs; run++) {
            if (run > 0) {
                codebase = null;
                System.gc(); // each run starts from an empty heap, as a single run does, not after the last one's trees
            }
            phases = new PhaseTimer();
            long start = System.nanoTime();
            codebase = new SourceScanner(new ScanOptions(List.of(), threads)).scan(root, phases);
            nanos = System.nanoTime() - start;
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        double seconds = nanos / 1e9;
        var stats = codebase.stats();
        System.out.printf(Locale.ROOT, "root=%s threads=%d runs=%d%n", root.getFileName(), threads, runs);
        System.out.printf(Locale.ROOT, "files found=%d parsed=%d skipped=%d, non-blank lines=%d, code lines=%d%n",
                stats.filesFound(), stats.filesParsed(), stats.filesSkipped(), stats.linesOfCode(), stats.codeLines());
        System.out.printf(Locale.ROOT, "scan time=%.2f s, %.0f lines/s (%.0f code lines/s), peak heap used=%d MiB "
                        + "(max heap %d MiB)%n", seconds, stats.linesOfCode() / seconds, stats.codeLines() / seconds,
                peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "phases: %s; process CPU time=%.2f s%n", phases.text(), cpuSeconds());
        System.out.printf(Locale.ROOT, "types=%d dependencies=%d methods=%d entry points=%d tables accessed=%d risks=%d%n",
                codebase.types().size(), codebase.dependencies().size(), codebase.methods().size(),
                codebase.entryPoints().size(), codebase.tableAccesses().stream().map(a -> a.table()).distinct().count(),
                codebase.risks().size());
        System.out.printf(Locale.ROOT, "references resolved=%d guessed=%d unresolved=%d; problems: %d errors, %d warnings%n",
                stats.resolvedReferences(), stats.guessedReferences(), stats.unresolvedReferences(),
                codebase.problems().stream().filter(p -> p.severity() == Severity.ERROR).count(),
                codebase.problems().stream().filter(p -> p.severity() == Severity.WARNING).count());
    }

    private static double cpuSeconds() {
        var bean = ManagementFactory.getOperatingSystemMXBean();
        return bean instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1e9 : -1;
    }

    /** Wall time per phase the scanner reports. */
    private static final class PhaseTimer implements ProgressListener {
        private final StringBuilder text = new StringBuilder();
        private String phase;
        private long start;

        @Override
        public synchronized void started(String phase, long total) {
            this.phase = phase;
            this.start = System.nanoTime();
        }

        @Override
        public void advanced(long steps) {
        }

        @Override
        public synchronized void finished() {
            text.append(text.length() == 0 ? "" : ", ").append(phase)
                    .append(String.format(Locale.ROOT, " %.2f s", (System.nanoTime() - start) / 1e9));
        }

        synchronized String text() {
            return text.toString();
        }
    }
}
