package dev.strangler.analyzer.bench;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.Decomposer;
import dev.strangler.analyzer.core.Decomposition;
import dev.strangler.analyzer.core.DecompositionOptions;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.report.HtmlReportWriter;
import dev.strangler.analyzer.report.JsonBytes;
import dev.strangler.analyzer.report.JsonReportWriter;
import dev.strangler.analyzer.report.MarkdownReportWriter;
import dev.strangler.analyzer.source.ScanOptions;
import dev.strangler.analyzer.source.SourceScanner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The work after the scan, warmed: scans a tree once, then decomposes it and renders the three reports as the command
 * makes them (the JSON as UTF-8, the page streamed from those bytes, the Markdown), one after the other on one thread
 * and written nowhere, round after round in the same JVM (the heap collected before each), printing each round's
 * seconds. The first round is what a single run pays; the last rounds are the work itself once compiled. Arguments:
 * the root and optionally the number of rounds (default 8).
 */
public final class DecomposeBenchmark {
    private DecomposeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Codebase codebase = new SourceScanner(new ScanOptions(List.of(), Runtime.getRuntime().availableProcessors()))
                .scan(root, ProgressListener.NONE);
        for (int round = 1; round <= rounds; round++) {
            System.gc(); // every round from a heap holding the model only
            long start = System.nanoTime();
            Decomposition decomposition = new Decomposer().decompose(codebase, DecompositionOptions.defaults(),
                    ProgressListener.NONE);
            long decomposed = System.nanoTime();
            JsonBytes json = new JsonReportWriter().renderBytes(decomposition);
            CountingStream page = new CountingStream();
            new HtmlReportWriter().write(json, page);
            int markdown = new MarkdownReportWriter().render(decomposition).length();
            long rendered = System.nanoTime();
            System.out.printf(Locale.ROOT, "round %d: decompose %.3f s, reports %.3f s (JSON %,d bytes, page %,d bytes,"
                            + " Markdown %,d chars)%n", round, (decomposed - start) / 1e9,
                    (rendered - decomposed) / 1e9, json.utf8().length, page.count, markdown);
        }
    }

    /** Counts the page's bytes and drops them. */
    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
