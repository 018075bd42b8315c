package dev.strangler.analyzer.report;

import dev.strangler.analyzer.core.Decomposition;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.DependencyKind;
import dev.strangler.analyzer.core.DependencyWeights;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.UseCase;

import java.util.Locale;

/**
 * Members of the JSON report that {@link JsonReportWriter} writes apart: {@code graph} and {@code useCases} (every
 * dependency between classes and every use case with the classes it reaches, about half of the report's bytes on a
 * large codebase), {@code decisions} and {@code problems}.
 */
final class JsonSections {
    private JsonSections() {
    }

    static void graph(JsonOutput json, Decomposition decomposition) {
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
    }

    static void useCases(JsonOutput json, Decomposition decomposition) {
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
        json.endArray();
    }

    static void decisionsAndProblems(JsonOutput json, Decomposition decomposition) {
        json.key("decisions").beginArray();
        for (Decomposition.DecisionEffect effect : decomposition.decisionEffects()) {
            json.beginObject().field("line", effect.decision().line())
                    .field("decision", effect.decision().describe())
                    .field("applied", effect.applied())
                    .field("note", effect.note())
                    .field("costsCoupling", effect.costsCoupling())
                    .key("before");
            JsonReportWriter.metrics(json, effect.before(), null, null);
            json.key("after");
            JsonReportWriter.metrics(json, effect.after(), null, null);
            json.endObject();
        }
        json.endArray();
        json.key("problems").beginArray();
        for (Problem problem : ReportProblems.all(decomposition)) {
            json.beginObject().field("path", problem.path()).field("line", problem.line())
                    .field("column", problem.column())
                    .field("severity", problem.severity().name().toLowerCase(Locale.ROOT))
                    .field("message", problem.message()).endObject();
        }
        json.endArray();
    }
}
