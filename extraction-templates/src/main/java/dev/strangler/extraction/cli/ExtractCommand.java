package dev.strangler.extraction.cli;

import dev.strangler.extraction.core.BadInputException;
import dev.strangler.extraction.core.ExtractionPlan;
import dev.strangler.extraction.core.Flavor;
import dev.strangler.extraction.core.ProjectFile;
import dev.strangler.extraction.project.ProjectWriter;
import dev.strangler.extraction.project.Skeleton;
import dev.strangler.extraction.render.MustacheRenderer;
import dev.strangler.extraction.report.ReportReader;
import dev.strangler.extraction.source.Extractor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The options of {@code strangler extract} and the run they drive. */
@Command(name = "strangler extract", mixinStandardHelpOptions = true, sortOptions = false,
        version = "strangler extract 0.1.0",
        description = {"Turns one service the analyzer proposed into a Lambda function project: the moved code, "
                + "adapters for what stays in the monolith, the build, a SAM template, a gateway route snippet and a README.",
                "Exit codes: 0 project written, 1 project written with a to-do list, 2 bad options or input (nothing written)."})
final class ExtractCommand {
    @Option(names = "--report", required = true, paramLabel = "DIR_OR_JSON",
            description = "the analyzer's decomposition.json, or the folder holding it")
    Path report;

    @Option(names = "--service", required = true, paramLabel = "NAME", description = "the candidate service to extract")
    String service;

    @Option(names = "--source", required = true, paramLabel = "MONOLITH_DIR",
            description = "the monolith's root folder, the one the report was written from")
    Path source;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write the project (new or empty)")
    Path outDir;

    @Option(names = "--flavor", paramLabel = "FLAVOR", defaultValue = "spring",
            description = "spring (the moved Spring code runs unchanged; the default) or plain (a handler without Spring)")
    String flavor;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "a folder of templates that replace the bundled ones of the same name (spring/pom.xml.mustache, ...)")
    Path templates;

    @Option(names = "--package", paramLabel = "NAME",
            description = "the package of the handler and the adapters (default: <root package>.lambda.<service>)")
    String generatedPackage;

    @Option(names = "--force", description = "replace what is in a non-empty --out")
    boolean force;

    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        ExtractCommand command = new ExtractCommand();
        CommandLine line = new CommandLine(command);
        line.setOut(out);
        line.setErr(err);
        try {
            CommandLine.ParseResult parsed = line.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return Main.OK;
            }
        } catch (CommandLine.ParameterException e) {
            err.println("strangler extract: " + e.getMessage());
            err.println("Try './strangler extract --help' for the options.");
            return Main.USAGE;
        }
        try {
            return command.run(out, err);
        } catch (BadInputException e) {
            err.println("strangler extract: " + e.getMessage());
            e.details().forEach(d -> err.println("  " + d));
            err.println("Nothing was written.");
            return Main.USAGE;
        } catch (UncheckedIOException e) {
            err.println("strangler extract: " + e.getMessage());
            err.println("Nothing was written.");
            return Main.USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) {
        long started = System.nanoTime();
        Flavor chosen = Flavors.named(flavor).orElseThrow(() -> new BadInputException("--flavor " + flavor
                + " is not a flavor; known flavors: " + Flavors.names()));
        if (templates != null && !Files.isDirectory(templates)) {
            throw new BadInputException("--templates " + templates + " is not a folder; give a folder of .mustache files "
                    + "laid out like the bundled ones (spring/, shared/)");
        }
        ProjectWriter writer = new ProjectWriter();
        writer.checkTarget(outDir, force);
        ExtractionPlan plan = new Extractor(new ReportReader().read(report), source).plan(service, generatedPackage);
        List<String> problems = chosen.problems(plan);
        if (!problems.isEmpty()) {
            throw new BadInputException("the " + chosen.name() + " flavor cannot extract " + service + ": "
                    + String.join("; ", problems));
        }
        List<ProjectFile> files = new Skeleton(new MustacheRenderer(templates)).files(plan, chosen);
        writer.write(outDir, files, force);
        new Summary(plan, chosen, outDir, files.size()).print(out);
        err.printf("strangler extract: %s in %d ms%n", service, (System.nanoTime() - started) / 1_000_000);
        // the flavor's list: the plain flavor adds the routes it answers with 501
        return chosen.todo(plan).isEmpty() ? Main.OK : Main.TODO;
    }
}
