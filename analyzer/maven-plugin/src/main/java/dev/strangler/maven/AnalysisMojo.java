package dev.strangler.maven;

import dev.strangler.analyzer.cli.Main;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The parameters of an analyzer run, shared by both goals, and the run itself through the analyzer's {@link Main#run}. */
abstract class AnalysisMojo extends AbstractMojo {
    /** Key in the plugin context (shared by this plugin's goals in one project's build) of the report written. */
    private static final String WRITTEN = "strangler.reportWritten";

    /** The folder of the codebase to analyse. */
    @Parameter(property = "strangler.sourceRoot", defaultValue = "${project.basedir}", required = true)
    File sourceRoot;

    /** Where decomposition.json, .md and .html are written. */
    @Parameter(property = "strangler.outputDirectory", defaultValue = "${project.build.directory}/strangler",
            required = true)
    File outputDirectory;

    /** Force this many candidate services (default: chosen from the graph). */
    @Parameter(property = "strangler.services")
    Integer services;

    /** The team's decisions (YAML): pin, merge, split, rename, shared-kernel. */
    @Parameter(property = "strangler.decisions")
    File decisions;

    /** A known decomposition (YAML) to report agreement with. */
    @Parameter(property = "strangler.expected")
    File expected;

    /** Skip the goal. */
    @Parameter(property = "strangler.skip", defaultValue = "false")
    boolean skip;

    File report() {
        return new File(outputDirectory, "decomposition.json");
    }

    /** True when a goal of this build wrote the report; one left in target/ by an earlier build does not count. */
    boolean isReportFresh() {
        Map<?, ?> context = getPluginContext();
        return context != null && report().getAbsolutePath().equals(context.get(WRITTEN)) && report().isFile();
    }

    /** Runs the analysis and writes the reports; problems in the sources are warnings, bad parameters fail the build. */
    void analyze() throws MojoExecutionException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(arguments().toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        out.toString().lines().forEach(getLog()::info);
        if (code == Main.USAGE) {
            throw new MojoExecutionException("strangler: the analysis of " + sourceRoot + " wrote no report: "
                    + err.toString().strip());
        }
        // the scan cache's one line ("cache: 3 of 1,204 files re-analysed") is information; its own problems say
        // "cache: ... ignored" or "not written" and stay warnings, like every problem in the sources
        err.toString().lines().forEach(line -> {
            if (line.matches("cache: [\\d,]+ of .*") || line.startsWith("cache: full run, ")) {
                getLog().info(line);
            } else {
                getLog().warn(line);
            }
        });
        rememberReport();
    }

    @SuppressWarnings("unchecked") // Maven's plugin context is a raw Map
    private void rememberReport() {
        Map<Object, Object> context = getPluginContext();
        if (context != null) {
            context.put(WRITTEN, report().getAbsolutePath());
        }
    }

    private List<String> arguments() {
        List<String> args = new ArrayList<>(List.of(sourceRoot.getPath(), "--out", outputDirectory.getPath(), "--quiet"));
        if (services != null) {
            args.addAll(List.of("--services", services.toString()));
        }
        if (decisions != null) {
            args.addAll(List.of("--decisions", decisions.getPath()));
        }
        if (expected != null) {
            args.addAll(List.of("--expected", expected.getPath()));
        }
        return args;
    }
}
