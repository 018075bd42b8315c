package dev.strangler.analyzer.bench;

import dev.strangler.analyzer.cache.ScanCache;
import dev.strangler.analyzer.core.Decomposer;
import dev.strangler.analyzer.core.Decomposition;
import dev.strangler.analyzer.core.DecompositionOptions;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.report.HtmlReportWriter;
import dev.strangler.analyzer.report.JsonReportWriter;
import dev.strangler.analyzer.report.MarkdownReportWriter;
import dev.strangler.analyzer.source.ScanOptions;
import dev.strangler.analyzer.source.ScanRun;
import dev.strangler.analyzer.source.SourceScanner;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Times the stages of one analyzer run with the scan cache in a fresh JVM, one after the other on the main thread
 * (the command renders the Markdown on a second thread; here each stage is timed alone): scan (a cache hit when the
 * cache in OUT is current), decomposition, JSON, Markdown, HTML. Arguments: the root and the cache folder.
 */
public final class WarmRunPhases {
    private WarmRunPhases() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        ScanCache cache = ScanCache.in(Path.of(args[1]));
        long[] cpu = new long[6];
        cpu[0] = cpu();
        long start = System.nanoTime();
        ScanRun run = new SourceScanner(new ScanOptions(List.of(), Runtime.getRuntime().availableProcessors()), cache)
                .run(root, ProgressListener.NONE);
        long scanned = System.nanoTime();
        cpu[1] = cpu();
        Decomposition decomposition = new Decomposer().decompose(run.codebase(), DecompositionOptions.defaults(),
                ProgressListener.NONE);
        long decomposed = System.nanoTime();
        cpu[2] = cpu();
        String json = new JsonReportWriter().render(decomposition);
        long jsonDone = System.nanoTime();
        cpu[3] = cpu();
        String markdown = new MarkdownReportWriter().render(decomposition);
        long markdownDone = System.nanoTime();
        cpu[4] = cpu();
        String html = new HtmlReportWriter().render(json);
        long htmlDone = System.nanoTime();
        cpu[5] = cpu();
        System.out.println(run.cacheNote());
        System.out.printf(Locale.ROOT, "scan %.2f s, decompose %.2f s, json %.2f s, markdown %.2f s, html %.2f s "
                        + "(%,d + %,d + %,d chars)%n", (scanned - start) / 1e9, (decomposed - scanned) / 1e9,
                (jsonDone - decomposed) / 1e9, (markdownDone - jsonDone) / 1e9, (htmlDone - markdownDone) / 1e9,
                json.length(), markdown.length(), html.length());
        System.out.printf(Locale.ROOT, "CPU (process, all threads): scan %.2f s, decompose %.2f s, json %.2f s, "
                        + "markdown %.2f s, html %.2f s%n", (cpu[1] - cpu[0]) / 1e9, (cpu[2] - cpu[1]) / 1e9,
                (cpu[3] - cpu[2]) / 1e9, (cpu[4] - cpu[3]) / 1e9, (cpu[5] - cpu[4]) / 1e9);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
