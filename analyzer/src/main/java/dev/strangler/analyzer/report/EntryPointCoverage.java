package dev.strangler.analyzer.report;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.FrameworkCoverage;

/**
 * The report's account of entry point coverage: per framework detected, how it was detected and how many entry
 * points were read from it; and, when none was found at all, that the split rests on structure alone.
 */
final class EntryPointCoverage {
    static final String STRUCTURE_ONLY = "No entry point was found, so no use case was traced: the split rests on "
            + "structure alone (dependencies and tables). See the frameworks detected under \"What was analysed\" and "
            + "the warnings.";

    private EntryPointCoverage() {
    }

    static boolean structureOnly(Codebase codebase) {
        return codebase.entryPoints().isEmpty();
    }

    static void json(JsonOutput json, Codebase codebase) {
        json.key("coverage").beginObject().field("structureOnly", structureOnly(codebase)).key("frameworks").beginArray();
        for (FrameworkCoverage framework : codebase.coverage()) {
            json.beginObject().field("framework", framework.framework())
                    .stringArray("detectedBy", framework.detectedBy())
                    .field("entryPoints", framework.entryPoints()).endObject();
        }
        json.endArray().endObject();
    }

    /** A bullet of "What was analysed". */
    static void markdown(StringBuilder md, Codebase codebase) {
        if (codebase.coverage().isEmpty()) {
            md.append(codebase.entryPoints().isEmpty() ? "- entry points by framework: no framework detected\n"
                    : "- entry points by framework: not surveyed (the model was not built by a source scan)\n");
            return;
        }
        md.append("- entry points by framework:\n");
        for (FrameworkCoverage framework : codebase.coverage()) {
            md.append("  - ").append(framework.framework()).append(": ").append(framework.entryPoints())
                    .append(framework.entryPoints() == 0 ? " (**not traced**)" : "").append(" — detected by ")
                    .append(String.join("; ", framework.detectedBy())).append('\n');
        }
    }
}
