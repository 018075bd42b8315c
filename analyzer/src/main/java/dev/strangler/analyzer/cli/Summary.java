package dev.strangler.analyzer.cli;

import dev.strangler.analyzer.core.Agreement;
import dev.strangler.analyzer.core.Decomposition;
import dev.strangler.analyzer.core.DecompositionMetrics;
import dev.strangler.analyzer.core.MetricsByKernel;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.ServiceCandidate;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.core.Traffic;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The one-screen summary printed on stdout at the end of a run. */
record Summary(Decomposition decomposition, Path target, double seconds, List<Problem> problems) {

    void print(PrintWriter out) {
        var codebase = decomposition.codebase();
        long lines = codebase.stats().linesOfCode();
        long code = codebase.stats().codeLines();
        out.printf(Locale.ROOT, "Analysed %s: %d classes, %d entry points, %d lines (%d of code) in %.1f s%s%n",
                codebase.name(), decomposition.graph().units().size(), codebase.entryPoints().size(), lines, code,
                seconds, lines > 0 && seconds > 0
                        ? String.format(Locale.ROOT, " (%.0f lines/s, %.0f of code)", lines / seconds, code / seconds)
                        : "");
        List<ServiceCandidate> services = decomposition.services();
        long kernel = decomposition.candidates().stream().filter(ServiceCandidate::sharedKernel)
                .mapToLong(c -> c.classes().size()).sum();
        out.printf(Locale.ROOT, "%d candidate services, shared kernel of %d classes%n", services.size(), kernel);
        out.printf(Locale.ROOT, "%n  %-5s %-28s %7s %6s %6s %10s  %s%n", "order", "candidate", "classes", "routes",
                "tables", "difficulty", "fitness");
        for (ServiceCandidate c : services) {
            out.printf(Locale.ROOT, "  %-5d %-28s %7d %6d %6d %10d  %s (%d)%n", c.extractionOrder(), c.name(),
                    c.classes().size(), c.routes().size(), c.tables().size(), c.difficulty().score(),
                    c.fitness().rating(), c.fitness().score());
        }
        MetricsByKernel byKernel = decomposition.byKernel();
        out.println();
        metrics(out, "kernel left out", byKernel.leftOut());
        if (byKernel.kernelClasses() > 0) {
            metrics(out, "published, kernel as a partition", byKernel.asPartition());
            metrics(out, "published, kernel folded", byKernel.folded());
        }
        Traffic traffic = decomposition.traffic();
        if (traffic != null) {
            out.printf(Locale.ROOT, "Traffic from %s: %d requests, %d served by routes found (%d server errors), %d "
                            + "matched no route; the extraction order weighs each service's share of them%n",
                    traffic.source(), traffic.requests(), traffic.matched(), traffic.errors(),
                    traffic.unmatchedRequests());
        }
        Agreement agreement = decomposition.agreement();
        if (agreement != null) {
            out.printf(Locale.ROOT, "Agreement with %s: %.1f %% of %d classes placed right, adjusted Rand index %.3f, "
                            + "MoJoFM %.1f %%%n", agreement.source(), 100 * agreement.accuracy(),
                    agreement.classesCompared(), agreement.adjustedRandIndex(), agreement.mojoFm());
        }
        long costly = decomposition.decisionEffects().stream().filter(Decomposition.DecisionEffect::costsCoupling).count();
        if (!decomposition.decisionEffects().isEmpty()) {
            out.printf(Locale.ROOT, "Decisions: %d applied, %d cost coupling (see the report)%n",
                    decomposition.decisionEffects().stream().filter(Decomposition.DecisionEffect::applied).count(), costly);
        }
        out.printf(Locale.ROOT, "Report: %s, %s, %s%n", target.resolve("decomposition.md"), target.resolve("decomposition.json"),
                target.resolve("decomposition.html"));
        long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        long warnings = problems.stream().filter(p -> p.severity() == Severity.WARNING).count();
        long notes = problems.size() - errors - warnings;
        if (!problems.isEmpty()) {
            out.printf(Locale.ROOT, "Problems: %d error(s), %d warning(s), %d note(s), listed on stderr and in the report%n",
                    errors, warnings, notes);
        }
    }

    private static void metrics(PrintWriter out, String way, DecompositionMetrics m) {
        out.printf(Locale.ROOT, "Metrics (%s): SM %.3f  ICP %.3f  IFN %.2f  NED %.3f  BCP %.3f  cohesion %.3f  "
                        + "coupling %.3f  tx purity %.3f%n", way, m.sm(), m.icp(), m.ifn(), m.ned(), m.bcp(),
                m.cohesion(), m.coupling(), m.transactionalPurity());
    }
}
