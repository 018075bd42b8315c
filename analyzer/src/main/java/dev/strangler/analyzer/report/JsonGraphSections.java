package dev.strangler.analyzer.report;

import dev.strangler.analyzer.core.Decomposition;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.DependencyKind;
import dev.strangler.analyzer.core.DependencyWeights;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.UseCase;

/**
 * The {@code graph} and {@code useCases} members of the JSON report: every dependency between classes and every
 * use case with the classes it reaches, about half of the report's bytes on a large codebase. They follow each
 * other in the report, so {@link JsonReportWriter} writes them on a second core and appends them.
 */
final class JsonGraphSections {
    private JsonGraphSections() {
    }

    /** Writes both members into {@code json}, an object's writer after its first member; returns it. */
    static JsonOutput write(JsonOutput json, Decomposition decomposition) {
        json.key("graph").beginObject();
        json.field("description", "class-level dependencies between top-level classes (nested types folded in), "
                + "self-edges dropped; weight = number of uses");
        json.key("kindWeights").beginObject();
        for (DependencyKind kind : DependencyKind.values()) {
            json.field(kind.name(), DependencyWeights.of(kind));
        }
        json.endObject();
        json.key("edges").beginArray();
        for (Dependency dependency : decomposition.graph().dependencies()) {
            JsonReportWriter.dependency(json, dependency, false);
        }
        json.endArray().endObject();
        json.key("useCases").beginArray();
        for (UseCase useCase : decomposition.useCases()) {
            EntryPoint entryPoint = useCase.entryPoint();
            json.beginObject().field("label", useCase.label())
                    .field("kind", entryPoint.kind().name())
                    .field("framework", entryPoint.framework())
                    .field("handler", entryPoint.handler().toString())
                    .field("truncated", useCase.truncated())
                    .stringArray("classes", useCase.classes())
                    .stringArray("tables", useCase.tables())
                    .endObject();
        }
        return json.endArray();
    }
}
