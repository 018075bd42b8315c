package dev.strangler.extraction.source;

import dev.strangler.extraction.core.BadInputException;
import dev.strangler.extraction.core.Candidate;
import dev.strangler.extraction.core.ExtractionPlan;
import dev.strangler.extraction.core.Report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides one extraction from the report and the monolith's sources: the candidate's classes move; the shared-kernel
 * classes they reach (and the kernel's controller advice, which gives the error answers) are copied as a library;
 * a Spring bean or repository of another candidate becomes an adapter; a data class of another candidate (entity,
 * DTO, enum) is borrowed, copied until its owner moves. Not thread-safe; one extractor per run.
 */
public final class Extractor {
    private static final int MISSING_SHOWN = 10;

    private final Report report;
    private final Path sourceRoot;

    public Extractor(Report report, Path sourceRoot) {
        this.report = report;
        this.sourceRoot = sourceRoot;
    }

    /**
     * Plans the extraction of {@code service}.
     *
     * @param generatedPackage the package of the handler and adapters, or null for {@code <root package>.lambda.<service>}
     */
    public ExtractionPlan plan(String service, String generatedPackage) {
        Candidate candidate = report.candidate(service).filter(c -> !c.sharedKernel())
                .orElseThrow(() -> new BadInputException("--service " + service + " is not a service of the report; "
                        + "known services: " + String.join(", ", report.serviceNames())));
        if (!Files.isDirectory(sourceRoot)) {
            throw new BadInputException("--source " + sourceRoot + " is not a folder; give the monolith's root folder, the one "
                    + "the report was written from");
        }
        SourceTree sources = SourceTree.index(sourceRoot);
        List<String> missing = candidate.classes().stream().filter(c -> !sources.contains(c)).toList();
        if (!missing.isEmpty()) {
            List<String> shown = new ArrayList<>(missing.subList(0, Math.min(MISSING_SHOWN, missing.size())));
            if (missing.size() > MISSING_SHOWN) {
                shown.add("... and " + (missing.size() - MISSING_SHOWN) + " more");
            }
            throw new BadInputException("--source " + sourceRoot + " does not match the report: " + missing.size() + " of "
                    + candidate.name() + "'s " + candidate.classes().size() + " classes have no source file there; "
                    + "give the folder the report was written from, or analyze this one again", shown);
        }
        List<Path> files = candidate.classes().stream().map(sources::file).toList();
        return new Planning(report, candidate, sources).plan(generatedPackage, new BuildReader().read(sourceRoot, files));
    }
}
