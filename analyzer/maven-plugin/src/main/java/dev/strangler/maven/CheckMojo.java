package dev.strangler.maven;

import dev.strangler.analyzer.baseline.BaselineDiff;
import dev.strangler.analyzer.baseline.BaselineException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Collectors;

/**
 * {@code strangler:check}: compares the report with a committed baseline and fails the build when coupling between
 * candidate services got worse. Uses the report {@code strangler:analyze} wrote in this build, or analyses first
 * (never a report left in target/ by an earlier build).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AnalysisMojo {
    /** The committed decomposition.json to compare with. */
    @Parameter(property = "strangler.baseline", defaultValue = "${project.basedir}/strangler-baseline.json",
            required = true)
    File baseline;

    /** Fail the build when coupling got worse; false only logs the difference. */
    @Parameter(property = "strangler.failOnWorse", defaultValue = "true")
    boolean failOnWorse;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("strangler: skipped (strangler.skip)");
            return;
        }
        if (!baseline.isFile()) {
            throw new MojoFailureException("strangler: no baseline at " + baseline + "; create one from this build's "
                    + "report: mvn strangler:analyze, then cp "
                    + report() + " " + baseline + " and commit it");
        }
        if (!isReportFresh()) {
            analyze();
        }
        BaselineDiff diff;
        try {
            diff = BaselineDiff.compare(baseline.getName(), read(baseline), read(report()));
        } catch (BaselineException e) {
            throw new MojoFailureException("strangler: " + e.getMessage());
        }
        diff.toLines().forEach(diff.isWorse() ? getLog()::warn : getLog()::info);
        if (diff.isWorse() && failOnWorse) {
            throw new MojoFailureException(failure(diff));
        }
    }

    private String failure(BaselineDiff diff) {
        String added = diff.newDependencies().stream().map(d -> "  " + d.toCompilerStyle("new"))
                .collect(Collectors.joining(System.lineSeparator()));
        return "strangler: coupling between candidate services got worse than " + baseline + " (cross-candidate "
                + "weight " + diff.totalBefore() + " -> " + diff.totalAfter() + ")"
                + (added.isEmpty() ? "" : ":" + System.lineSeparator() + added) + System.lineSeparator()
                + "Remove the new dependencies, or accept them by copying " + report() + " over the baseline.";
    }

    private static String read(File file) throws MojoExecutionException {
        try {
            return Files.readString(file.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("strangler: cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
