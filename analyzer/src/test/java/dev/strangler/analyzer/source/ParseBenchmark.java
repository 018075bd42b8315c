package dev.strangler.analyzer.source;

import com.github.javaparser.JavaParser;
import com.sun.source.util.JavacTask;
import dev.strangler.analyzer.source.parse.ParsedFile;
import dev.strangler.analyzer.source.parse.SourceText;
import dev.strangler.analyzer.source.parse.SourceTree;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Parsing alone, nothing kept, on every core: the floor under an end-to-end run. Compares the parser the analyzer uses
 * (JavaParser, as {@link JavaFileParser} configures it: raw grammar, compacted text, trees compacted) with JavaParser
 * as it comes ({@code javaparser-stock}: its default configuration) and with the JDK's own ({@code javac}'s tree API,
 * parse only, no attribution), on the same files, the largest first.
 *
 * <p>Arguments: the root, {@code javaparser}, {@code javaparser-stock} or {@code javac}, and optionally the number of passes (default 1; each
 * pass is printed, the first is what a single run of the analyzer pays). Run it in a fresh JVM with the launcher's
 * options; see the analyzer's README.
 */
public final class ParseBenchmark {
    private static final int JAVAC_BATCH = 200;

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        String parser = args[1];
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int threads = Runtime.getRuntime().availableProcessors();
        SourceTree tree = SourceTree.walk(root, ScanOptions.DEFAULT_MAX_FILE_BYTES);
        List<Path> files = new ArrayList<>();
        for (int i : tree.largestFirst()) {
            files.add(tree.javaFiles().get(i));
        }
        long lines = 0;
        for (Path file : files) {
            lines += SourceText.nonBlankLines(SourceText.decode(Files.readAllBytes(file)).text());
        }
        Function<List<Path>, Long> work = switch (parser) {
            case "javaparser" -> ParseBenchmark::javaParser;
            case "javaparser-stock" -> ParseBenchmark::stockJavaParser;
            case "javac" -> ParseBenchmark::javac;
            default -> throw new IllegalArgumentException(
                    "parser must be javaparser, javaparser-stock or javac, not " + parser);
        };
        for (int pass = 1; pass <= passes; pass++) {
            if (pass > 1) {
                System.gc(); // as in the first pass, from an empty heap
            }
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Path> mine = new ArrayList<>();
                for (int i = t; i < files.size(); i += threads) {
                    mine.add(files.get(i));
                }
                parts.add(pool.submit(() -> work.apply(mine)));
            }
            long types = 0;
            for (Future<Long> part : parts) {
                types += part.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s pass %d: %d files, %d top-level types, %d non-blank lines in %.2f s "
                            + "(%.0f lines/s) on %d threads%n", parser, pass, files.size(), types, lines, seconds,
                    lines / seconds, threads);
        }
    }

    private static long javaParser(List<Path> files) {
        JavaFileParser parser = new JavaFileParser();
        long types = 0;
        for (Path file : files) {
            ParsedFile parsed = parser.parse(file, file.toString());
            types += parsed.unit() == null ? 0 : parsed.unit().getTypes().size();
        }
        return types;
    }

    /** JavaParser as it comes: its default configuration, each file parsed from its path, as a user of it would. */
    private static long stockJavaParser(List<Path> files) {
        JavaParser parser = new JavaParser();
        long types = 0;
        for (Path file : files) {
            try {
                types += parser.parse(file).getResult().map(unit -> unit.getTypes().size()).orElse(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return types;
    }

    private static long javac(List<Path> files) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        long types = 0;
        try {
            for (int i = 0; i < files.size(); i += JAVAC_BATCH) {
                List<Path> batch = files.subList(i, Math.min(files.size(), i + JAVAC_BATCH));
                try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
                    JavacTask task = (JavacTask) compiler.getTask(null, fileManager, diagnostic -> { },
                            List.of("-proc:none"), null, fileManager.getJavaFileObjectsFromPaths(batch));
                    for (var unit : task.parse()) {
                        types += unit.getTypeDecls().size();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }
}
