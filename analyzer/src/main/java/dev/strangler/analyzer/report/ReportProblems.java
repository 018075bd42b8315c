package dev.strangler.analyzer.report;

import dev.strangler.analyzer.core.Decomposition;
import dev.strangler.analyzer.core.Problem;

import java.util.ArrayList;
import java.util.List;

/** The problems of a run: the scanners' and the decomposition's, sorted. */
final class ReportProblems {
    private ReportProblems() {
    }

    static List<Problem> all(Decomposition decomposition) {
        List<Problem> problems = new ArrayList<>(decomposition.codebase().problems());
        problems.addAll(decomposition.problems());
        problems.sort(null);
        return problems;
    }
}
