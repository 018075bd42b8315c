package dev.strangler.analyzer.cli;

import dev.strangler.analyzer.core.Decomposition;
import dev.strangler.analyzer.fitness.FitnessWriter;
import dev.strangler.analyzer.report.HtmlReportWriter;
import dev.strangler.analyzer.report.JsonBytes;
import dev.strangler.analyzer.report.JsonReportWriter;
import dev.strangler.analyzer.report.MarkdownReportWriter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Writes the report files of one decomposition into a folder: {@code decomposition.json}, {@code .html} and
 * {@code .md}, and the fitness functions when asked. The three are made on two cores at once.
 */
final class ReportFiles {
    private ReportFiles() {
    }

    /** Writes the reports; returns the JSON report's bytes. */
    static byte[] write(Path target, Decomposition decomposition, boolean fitness) throws IOException {
        Files.createDirectories(target);
        // the reports read the same finished decomposition: the Markdown is rendered and written on a second
        // thread, and the HTML page embeds the JSON bytes themselves, so the two cannot disagree
        CompletableFuture<Void> markdown = CompletableFuture.runAsync(() -> writeString(
                target.resolve("decomposition.md"), new MarkdownReportWriter().render(decomposition)));
        // UTF-8 as it is made (several megabytes on a large codebase), for both files: written to
        // decomposition.json on a thread of its own while the page is streamed
        JsonBytes json = new JsonReportWriter().renderBytes(decomposition);
        CompletableFuture<Void> jsonFile = CompletableFuture.runAsync(() -> {
            try {
                Files.write(target.resolve("decomposition.json"), json.utf8());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        IOException page = null;
        try (OutputStream html = new BufferedOutputStream(
                Files.newOutputStream(target.resolve("decomposition.html")), 1 << 16)) {
            new HtmlReportWriter().write(json, html);
        } catch (IOException e) {
            page = e;
        }
        // of several failures, the first in the order JSON, page, Markdown is the one reported, whatever the timing
        written(jsonFile);
        if (page != null) {
            throw page;
        }
        written(markdown);
        if (fitness) {
            for (Map.Entry<String, String> file : new FitnessWriter().render(decomposition).entrySet()) {
                Path written = target.resolve("fitness").resolve(file.getKey());
                Files.createDirectories(written.getParent());
                Files.writeString(written, file.getValue(), StandardCharsets.UTF_8);
            }
        }
        return json.utf8();
    }

    private static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a report written on another thread; what it threw is thrown here. */
    private static void written(CompletableFuture<Void> report) throws IOException {
        try {
            report.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException failure) {
                throw failure.getCause();
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
