package dev.strangler.gateway.cli;

import dev.strangler.gateway.routefile.RouteFileReader;
import dev.strangler.gateway.routefile.RouteFileWriter;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTable;
import dev.strangler.gateway.seeding.DecompositionReport;
import dev.strangler.gateway.seeding.InvalidReportException;
import dev.strangler.gateway.seeding.ReportReader;
import dev.strangler.gateway.seeding.ReportedRoute;
import dev.strangler.gateway.seeding.RouteSeeder;
import dev.strangler.gateway.seeding.Seeding;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./strangler routes seed --from REPORT [--out FILE [--force]]}: a route file with every HTTP route of the
 * analyzer's report, to the monolith at weight 0, on stdout or in {@code FILE}; the summary goes to stderr. Works
 * offline, without a gateway. Exit codes as the other routes commands: 0 written, 1 refused (unreadable report, file
 * exists), 2 usage error.
 */
final class RouteSeedCommand {

    static final String USAGE = """
            Usage: ./strangler routes seed --from REPORT [--out FILE [--force]]

              --from REPORT   the analyzer's decomposition.json, or the folder holding it
              --out FILE      write the route file there (default: stdout); an existing file is kept
              --force         replace an existing --out FILE""";

    private RouteSeedCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String from = null;
        String file = null;
        boolean force = false;
        OutFile target;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--from" -> from = OutFile.value(args, ++i, "--from");
                    case "--out" -> file = OutFile.value(args, ++i, "--out");
                    case "--force" -> force = true;
                    default -> throw new IllegalArgumentException("unknown option or argument '" + args.get(i) + "'");
                }
            }
            if (from == null) {
                throw new IllegalArgumentException("missing --from REPORT (the analyzer's decomposition.json or its folder)");
            }
            target = new OutFile(file == null ? null : Path.of(file), force);
        } catch (IllegalArgumentException e) {
            err.println("strangler routes seed: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (target.isTaken()) {
            err.println("strangler routes seed: " + target.takenMessage());
            return 1;
        }
        Seeding seeding;
        String yaml;
        try {
            DecompositionReport report = new ReportReader().read(Path.of(from));
            seeding = RouteSeeder.seed(report);
            yaml = RouteFileWriter.toYaml(seeding.table(), header(ReportReader.locate(Path.of(from)), report, seeding));
        } catch (InvalidReportException e) {
            err.println("strangler routes seed: " + e.getMessage());
            return 1;
        }
        RouteFileReader.read(yaml, "the seeded route file"); // never hand out a file the gateway would refuse
        try {
            target.write(yaml, out);
        } catch (FileAlreadyExistsException e) {
            err.println("strangler routes seed: " + target.takenMessage());
            return 1;
        } catch (IOException e) {
            err.println("strangler routes seed: cannot write " + target.file() + ": " + e.getMessage());
            return 1;
        }
        summary(err, from, target.file(), seeding);
        return 0;
    }


    private static List<String> header(Path from, DecompositionReport report, Seeding seeding) {
        List<String> lines = new ArrayList<>();
        String example = seeding.table().routes().isEmpty() ? "<id>" : seeding.table().routes().get(0).id();
        lines.add("Seeded by ./strangler routes seed from " + from + " (codebase '" + report.codebase()
                + "', report schema version " + ReportReader.SCHEMA_VERSION + ").");
        lines.add("Every HTTP route the analyzer found: one route per candidate and method, id <candidate>-<method>,");
        lines.add("still served by the monolith (weight 0). The gateway takes the first route that matches, so more");
        lines.add("specific paths come first. Move one with: ./strangler routes set " + example + " --lambda <function> --weight 10");
        section(lines, "Not routes (jobs and message listeners are not requests; they stay where they run):",
                seeding.otherEntryPoints().stream().map(RouteSeedCommand::describe).toList());
        section(lines, "Not expressible as gateway paths (add routes for them by hand):", seeding.notExpressed());
        section(lines, "Seeded, but check:", seeding.warnings());
        return lines;
    }

    private static void summary(PrintStream err, String from, Path target, Seeding seeding) {
        RouteTable table = seeding.table();
        int paths = table.routes().stream().mapToInt(r -> r.paths().size()).sum();
        // ids are <candidate>-<method>, and a method has no '-'
        long candidates = table.routes().stream().map(Route::id).map(id -> id.substring(0, id.lastIndexOf('-'))).distinct().count();
        err.println("Seeded " + table.routes().size() + " routes (" + paths + " paths) of " + candidates
                + " candidates from " + from + ", all to the monolith at weight 0"
                + (target == null ? "." : "; written to " + target + "."));
        List<String> lines = new ArrayList<>();
        section(lines, "Not routes (" + seeding.otherEntryPoints().size() + "):",
                seeding.otherEntryPoints().stream().map(RouteSeedCommand::describe).toList());
        section(lines, "Not expressible as gateway paths, add them by hand (" + seeding.notExpressed().size() + "):",
                seeding.notExpressed());
        section(lines, "Warnings (" + seeding.warnings().size() + "):", seeding.warnings());
        lines.forEach(err::println);
    }

    private static void section(List<String> lines, String title, List<String> items) {
        if (!items.isEmpty()) {
            lines.add("");
            lines.add(title);
            items.forEach(item -> lines.add("  " + item));
        }
    }

    private static String describe(ReportedRoute route) {
        return route.candidate() + ": " + route.label() + " (" + route.handler() + ")";
    }

}
