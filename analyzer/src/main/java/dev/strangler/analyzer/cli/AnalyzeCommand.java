package dev.strangler.analyzer.cli;

import dev.strangler.analyzer.cache.ScanCache;
import dev.strangler.analyzer.core.Agreement;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.Decision;
import dev.strangler.analyzer.core.Decomposer;
import dev.strangler.analyzer.core.Decomposition;
import dev.strangler.analyzer.core.DecompositionOptions;
import dev.strangler.analyzer.core.KernelMode;
import dev.strangler.analyzer.core.Placement;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.core.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The options of {@code strangler analyze} and the run they drive. */
@Command(name = "strangler analyze", mixinStandardHelpOptions = true, sortOptions = false,
        version = "strangler analyze 0.1.0",
        description = {"Reads a Java codebase, finds candidate services, and writes decomposition.json, "
                + "decomposition.md and decomposition.html.", "Exit codes: 0 report written, 1 report written with "
                + "problems or coupling worse than --baseline, 2 usage error (nothing written)."})
final class AnalyzeCommand {
    @Parameters(index = "0", paramLabel = "PATH", description = "the folder of the codebase to analyse")
    Path path;

    @Option(names = "--out", paramLabel = "DIR",
            description = "where to write the report (default: reports/<folder name> in the current folder)")
    Path outDir;

    @Option(names = "--classpath", paramLabel = "JARS_OR_DIRS", split = ",",
            description = "jars and class folders that resolve library types; the codebase's own classes add "
                    + "bytecode dependencies (separate with , or the platform's path separator)")
    List<Path> classpath = new ArrayList<>();

    @Option(names = "--services", paramLabel = "N", description = "force N candidate services (default: chosen from the graph)")
    Integer services;

    @Option(names = "--resolution", paramLabel = "R",
            description = "Louvain's resolution (default 1.0, higher finds more, smaller communities); "
                    + "takes Louvain's communities as they are")
    Double resolution;

    @Option(names = "--kernel", paramLabel = "keep|fold",
            description = "keep the shared kernel apart as a library (default), or fold each of its classes into "
                    + "the candidate it is most tied to, placing every class as published tools do")
    String kernel;

    @Option(names = "--decisions", paramLabel = "FILE", description = "the team's decisions (YAML): pin, merge, split, rename, shared-kernel")
    Path decisions;

    @Option(names = "--expected", paramLabel = "FILE",
            description = "a known decomposition (YAML: services: {name: {classes: [...]}}) to report agreement with")
    Path expected;

    @Option(names = "--traffic", paramLabel = "ACCESS_LOG", arity = "1..*",
            description = "production request counts: the strangler gateway's access log, an nginx or Apache access "
                    + "log (common or combined format) or a CSV of route,count; weighs use cases and the "
                    + "extraction order by real traffic")
    List<Path> traffic = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "an earlier decomposition.json: print the new and removed cross-candidate dependencies; "
                    + "exit 1 when coupling got worse")
    Path baseline;

    @Option(names = "--fitness", description = "also write fitness functions under DIR/fitness: an ArchUnit test "
            + "class and jQAssistant rules that keep the candidates' boundaries")
    boolean fitness;

    @Option(names = "--threads", paramLabel = "N", description = "parser threads (default: the number of cores)")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Option(names = "--no-cache", description = "neither read nor write the scan cache (by default kept in "
            + "DIR/" + ScanCache.FOLDER + ": a re-run of an unchanged tree skips the scan; safe to delete)")
    boolean noCache;

    static int execute(String[] args, PrintWriter out, PrintWriter err, Scanners scanners) {
        AnalyzeCommand command = new AnalyzeCommand();
        CommandLine line = new CommandLine(command);
        line.setOut(out);
        line.setErr(err);
        try {
            CommandLine.ParseResult parsed = line.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return Main.OK;
            }
        } catch (CommandLine.ParameterException e) {
            err.println("strangler analyze: " + e.getMessage());
            err.println("Try './strangler analyze --help' for the options.");
            err.flush();
            return Main.USAGE;
        }
        try {
            return command.run(out, err, scanners);
        } catch (UsageException e) {
            err.println("strangler analyze: " + e.getMessage());
            return Main.USAGE;
        } catch (RuntimeException e) {
            // A bug or an input the scanners could not survive: say so plainly instead of a bare stack trace.
            err.println("strangler analyze: the analysis failed and wrote no report: " + e);
            return Main.USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err, Scanners scanners) {
        DecompositionOptions options = options();
        if (!Files.isDirectory(path)) {
            throw new UsageException((Files.exists(path) ? "PATH must be a folder, but is a file: " : "PATH does not exist: ")
                    + path + "; give the root folder of a Java codebase");
        }
        List<Path> entries = new ArrayList<>();
        for (Path given : classpath) {
            for (String part : given.toString().split(java.util.regex.Pattern.quote(File.pathSeparator))) {
                if (!part.isBlank()) {
                    entries.add(Path.of(part));
                }
            }
        }
        classpath = entries;
        for (Path entry : classpath) {
            if (!Files.exists(entry)) {
                throw new UsageException("--classpath entry does not exist: " + entry + "; give jars or class folders");
            }
        }
        Map<String, String> expectedClasses = expected == null ? null : ExpectedFile.read(expected);
        TrafficLog trafficLog = traffic.isEmpty() ? null : TrafficLog.read(traffic);
        BaselineFile before = baseline == null ? null : BaselineFile.read(baseline);
        Path root = path.toAbsolutePath().normalize();
        Path target = outDir != null ? outDir : Path.of("reports", root.getFileName() == null ? "root" : root.getFileName().toString());
        long started = System.nanoTime();
        Codebase codebase;
        try (TerminalProgress progress = TerminalProgress.forStderr(quiet)) {
            List<String> notes = new ArrayList<>();
            Scanners.Scanned scanned = scanners.scan(root, List.copyOf(classpath),
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                    noCache ? null : target.resolve(ScanCache.FOLDER), progress, notes::add);
            codebase = scanned.codebase();
            progress.close();
            notes.forEach(err::println);
            if (codebase.types().isEmpty()) {
                cacheWritten(scanned).forEach(err::println);
                codebase.problems().forEach(problem -> err.println(problem.toCompilerStyle()));
                throw new UsageException("nothing to analyse: no Java types found in the main sources under " + path
                        + " (" + codebase.problems().size() + " problem(s) above); point PATH at a Java codebase");
            }
            Decomposition decomposition = new Decomposer().decompose(codebase, options, progress);
            if (expectedClasses != null) {
                decomposition = withAgreement(decomposition, expectedClasses);
            }
            if (trafficLog != null) {
                decomposition = decomposition.withTraffic(String.join(", ", traffic.stream()
                        .map(file -> String.valueOf(file.getFileName())).toList()), trafficLog.tallies(),
                        trafficLog.problems());
            }
            byte[] json = write(target, decomposition, fitness);
            cacheWritten(scanned).forEach(err::println);
            List<Problem> problems = new ArrayList<>(codebase.problems());
            problems.addAll(decomposition.problems());
            problems.sort(null);
            progress.close();
            problems.forEach(problem -> err.println(problem.toCompilerStyle()));
            double seconds = (System.nanoTime() - started) / 1e9;
            new Summary(decomposition, target, seconds, problems).print(out);
            boolean worse = before != null && before.printDifference(new String(json, StandardCharsets.UTF_8), out);
            boolean serious = worse || problems.stream().anyMatch(p -> p.severity() != Severity.NOTE);
            return serious ? Main.PROBLEMS : Main.OK;
        }
    }

    /** The cache's warnings once it is written; a failure while writing it fails the run, as the scan's would. */
    private static List<String> cacheWritten(Scanners.Scanned scanned) {
        try {
            return scanned.cacheWritten().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private DecompositionOptions options() {
        if (services != null && resolution != null) {
            throw new UsageException("give either --services or --resolution, not both");
        }
        if (services != null && services < 1) {
            throw new UsageException("--services must be at least 1, but was " + services);
        }
        if (resolution != null && !(resolution > 0)) {
            throw new UsageException("--resolution must be greater than 0, but was " + resolution);
        }
        if (threads != null && threads < 1) {
            throw new UsageException("--threads must be at least 1, but was " + threads);
        }
        KernelMode kernelMode = kernelMode();
        List<Decision> decided = decisions == null ? List.of() : DecisionsFile.read(decisions);
        return new DecompositionOptions(services == null ? 0 : services, resolution == null ? 0 : resolution, decided,
                !classpath.isEmpty(), kernelMode);
    }

    private KernelMode kernelMode() {
        if (kernel == null || kernel.equals("keep")) {
            return KernelMode.KEEP;
        }
        if (kernel.equals("fold")) {
            return KernelMode.FOLD;
        }
        throw new UsageException("--kernel must be keep or fold, but was '" + kernel + "'");
    }

    private Decomposition withAgreement(Decomposition decomposition, Map<String, String> expectedClasses) {
        String file = String.valueOf(expected.getFileName());
        ExpectedClasses matched = ExpectedClasses.match(file, expectedClasses, decomposition.graph().units(),
                decomposition.graph()::unitOf);
        Map<ClassName, String> actual = new HashMap<>();
        for (Placement placement : decomposition.placements()) {
            actual.put(placement.name(), placement.candidate());
        }
        Map<ClassName, String> expectedByUnit = new HashMap<>(matched.byUnit());
        // names not found still count as expected classes the analysis did not find
        for (int i = 0; i < matched.notFound().size(); i++) {
            expectedByUnit.put(ClassName.of("?" + i), "?");
        }
        return decomposition.withAgreement(Agreement.compute(file, expectedByUnit, actual), matched.problems(file));
    }

    private static byte[] write(Path target, Decomposition decomposition, boolean fitness) {
        try {
            return ReportFiles.write(target, decomposition, fitness);
        } catch (IOException e) {
            throw new UsageException("cannot write the report to " + target + ": " + e.getMessage()
                    + "; choose another folder with --out");
        }
    }
}
