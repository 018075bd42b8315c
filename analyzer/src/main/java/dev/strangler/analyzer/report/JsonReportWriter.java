package dev.strangler.analyzer.report;

import dev.strangler.analyzer.core.Agreement;
import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.CodebaseStats;
import dev.strangler.analyzer.core.DataAccessOrigin;
import dev.strangler.analyzer.core.Decomposition;
import dev.strangler.analyzer.core.DecompositionMetrics;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.EntryPoint;
import dev.strangler.analyzer.core.MetricsByKernel;
import dev.strangler.analyzer.core.Placement;
import dev.strangler.analyzer.core.Risk;
import dev.strangler.analyzer.core.ServiceCandidate;
import dev.strangler.analyzer.core.SourceLocation;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Writes {@code decomposition.json}, the contract for the other tools; its fields are documented in
 * {@code analyzer/docs/report-schema.md}. Every list has a fixed order, numbers have at most four decimals, so the
 * same decomposition gives the same bytes. Stateless and thread-safe.
 */
public final class JsonReportWriter {
    /** Raised when a field is added, removed or changes meaning. */
    public static final int SCHEMA_VERSION = 1;

    public String render(Decomposition decomposition) {
        return new String(renderUtf8(decomposition), StandardCharsets.UTF_8);
    }

    /** The report as the UTF-8 bytes of {@link #render}, written as they are made. */
    public byte[] renderUtf8(Decomposition decomposition) {
        return write(decomposition).toUtf8();
    }

    /** As {@link #renderUtf8}, with where the characters the HTML page escapes are. */
    public JsonBytes renderBytes(Decomposition decomposition) {
        return write(decomposition).toJsonBytes();
    }

    /** The report's members in parts, in order: the small ones together, each large one alone. */
    private static final int PARTS = 6;

    private JsonOutput write(Decomposition decomposition) {
        // each part into a writer of its own, on every core (whichever thread is free takes the next part, the
        // calling one too), then appended in order: the same bytes as one writer gives
        List<JsonOutput> parts = IntStream.range(0, PARTS).parallel()
                .mapToObj(part -> part(part, decomposition, JsonOutput.continuing(1, part > 0))).toList();
        JsonOutput json = new JsonOutput().beginObject();
        parts.forEach(json::append);
        return json.endObject();
    }

    private static JsonOutput part(int part, Decomposition decomposition, JsonOutput json) {
        switch (part) {
            case 0 -> summary(json, decomposition);
            case 1 -> {
                json.key("candidates").beginArray();
                Set<String> collections = mongoCollections(decomposition.codebase());
                decomposition.candidates().forEach(candidate -> candidate(json, candidate, collections));
                json.endArray();
            }
            case 2 -> {
                json.key("classes").beginArray();
                decomposition.placements().forEach(placement -> placement(json, placement));
                json.endArray();
            }
            case 3 -> JsonSections.graph(json, decomposition);
            case 4 -> JsonSections.useCases(json, decomposition);
            default -> JsonSections.decisionsAndProblems(json, decomposition);
        }
        return json;
    }

    /** From the schema version to the extraction order. */
    private static void summary(JsonOutput json, Decomposition decomposition) {
        json.field("schemaVersion", SCHEMA_VERSION);
        json.field("generator", "strangler-analyzer");
        codebase(json, decomposition);
        EntryPointCoverage.json(json, decomposition.codebase());
        Decomposition.Choice choice = decomposition.choice();
        json.key("choice").beginObject()
                .field("services", choice.services())
                .field("resolution", choice.resolution())
                .field("louvainCommunities", choice.communities())
                .field("modularity", choice.modularity())
                .field("reason", choice.reason())
                .endObject();
        json.key("metrics");
        metrics(json, decomposition.metrics(), decomposition.metricsGraph(),
                MarkdownMetrics.scope(decomposition.byKernel()));
        metricsByKernel(json, decomposition);
        json.key("neighbours").beginArray();
        for (Decomposition.Neighbour neighbour : decomposition.neighbours()) {
            json.beginObject().field("services", neighbour.services()).field("chosen", neighbour.chosen())
                    .field("modularity", neighbour.modularity()).key("metrics");
            metrics(json, neighbour.metrics(), null, null);
            json.endObject();
        }
        json.endArray();
        agreement(json, decomposition.agreement());
        JsonTraffic.write(json, decomposition.traffic());
        json.stringArray("extractionOrder", decomposition.services().stream().map(ServiceCandidate::name).toList());
    }

    private static void codebase(JsonOutput json, Decomposition decomposition) {
        CodebaseStats stats = decomposition.codebase().stats();
        json.key("codebase").beginObject()
                .field("name", decomposition.codebase().name())
                .field("types", decomposition.codebase().types().size())
                .field("classes", decomposition.graph().units().size())
                .field("entryPoints", decomposition.codebase().entryPoints().size())
                .key("stats").beginObject()
                .field("filesFound", stats.filesFound())
                .field("filesParsed", stats.filesParsed())
                .field("filesSkipped", stats.filesSkipped())
                .field("linesOfCode", stats.linesOfCode())
                .field("codeLines", stats.codeLines())
                .field("resolvedReferences", stats.resolvedReferences())
                .field("guessedReferences", stats.guessedReferences())
                .field("unresolvedReferences", stats.unresolvedReferences())
                .endObject()
                .endObject();
    }

    private static void metricsByKernel(JsonOutput json, Decomposition decomposition) {
        MetricsByKernel byKernel = decomposition.byKernel();
        json.key("metricsByKernel").beginObject()
                .field("graph", decomposition.metricsGraph())
                .field("kernel", byKernel.kernel().name().toLowerCase(Locale.ROOT))
                .field("kernelClasses", byKernel.kernelClasses())
                .key("leftOut");
        metrics(json, byKernel.leftOut(), null, null);
        json.key("asPartition");
        metrics(json, byKernel.asPartition(), null, null);
        json.key("folded");
        metrics(json, byKernel.folded(), null, null);
        json.endObject();
    }

    static void metrics(JsonOutput json, DecompositionMetrics metrics, String graph, String scope) {
        json.beginObject();
        if (graph != null) {
            json.field("graph", graph);
        }
        if (scope != null) {
            json.field("scope", scope);
        }
        json.field("partitions", metrics.partitions())
                .field("sm", metrics.sm())
                .field("icp", metrics.icp())
                .field("icpRaw", metrics.icpRaw())
                .field("ifn", metrics.ifn())
                .field("ned", metrics.ned())
                .field("bcp", metrics.bcp())
                .field("cohesion", metrics.cohesion())
                .field("coupling", metrics.coupling())
                .field("transactionalPurity", metrics.transactionalPurity())
                .endObject();
    }

    private static void agreement(JsonOutput json, Agreement agreement) {
        json.key("agreement");
        if (agreement == null) {
            json.nullValue();
            return;
        }
        json.beginObject().field("source", agreement.source())
                .field("classesCompared", agreement.classesCompared())
                .field("classesOnlyExpected", agreement.classesOnlyExpected())
                .field("accuracy", agreement.accuracy())
                .field("adjustedRandIndex", agreement.adjustedRandIndex())
                .field("mojoFm", agreement.mojoFm())
                .field("matching", "greedy by overlap")
                .key("matches").beginArray();
        for (Agreement.Match match : agreement.matches()) {
            json.beginObject().field("expected", match.expected()).field("candidate", match.candidate())
                    .field("overlap", match.overlap()).field("expectedSize", match.expectedSize()).endObject();
        }
        json.endArray().endObject();
    }

    /**
     * The tables that are MongoDB collections: mapped by a Spring Data MongoDB {@code @Document} or reached through
     * MongoDB calls. Every other table lives in a relational database.
     */
    static Set<String> mongoCollections(Codebase codebase) {
        Set<ClassName> documents = new HashSet<>();
        codebase.types().stream().filter(type -> type.annotations().stream()
                        .anyMatch(name -> name.endsWith("mongodb.core.mapping.Document")))
                .forEach(type -> documents.add(type.name()));
        Set<String> collections = new HashSet<>();
        codebase.entities().stream().filter(mapping -> documents.contains(mapping.entity()))
                .forEach(mapping -> collections.add(mapping.table()));
        codebase.tableAccesses().stream().filter(access -> access.origin() == DataAccessOrigin.MONGODB)
                .forEach(access -> collections.add(access.table()));
        return collections;
    }

    private static void candidate(JsonOutput json, ServiceCandidate candidate, Set<String> collections) {
        json.beginObject().field("name", candidate.name())
                .field("sharedKernel", candidate.sharedKernel())
                .field("extractionOrder", candidate.extractionOrder())
                .stringArray("classes", candidate.classes());
        json.key("routes").beginArray();
        for (EntryPoint route : candidate.routes()) {
            json.beginObject().field("kind", route.kind().name()).field("method", route.httpMethod())
                    .field("path", route.path()).field("framework", route.framework())
                    .field("handler", route.handler().toString()).field("location", route.location().toString())
                    .endObject();
        }
        json.endArray();
        json.key("tables").beginArray();
        for (ServiceCandidate.TableShare table : candidate.tables()) {
            json.beginObject().field("table", table.table());
            if (collections.contains(table.table())) {
                json.field("store", "mongodb");
            }
            json.field("owned", table.owned()).stringArray("sharedWith", table.sharedWith())
                    .field("writes", table.writes()).field("reads", table.reads()).endObject();
        }
        json.endArray();
        links(json, "inbound", candidate.inbound());
        links(json, "outbound", candidate.outbound());
        json.key("risks").beginArray();
        for (Risk risk : candidate.risks()) {
            json.beginObject().field("kind", risk.kind().name()).field("class", risk.owner().value())
                    .field("location", risk.location().toString()).field("detail", risk.detail()).endObject();
        }
        json.endArray();
        json.key("difficulty").beginObject().field("score", candidate.difficulty().score())
                .stringArray("reasons", candidate.difficulty().reasons()).endObject();
        json.key("fitness").beginObject().field("score", candidate.fitness().score())
                .field("rating", candidate.fitness().rating())
                .stringArray("reasons", candidate.fitness().reasons()).endObject();
        json.endObject();
    }

    private static void links(JsonOutput json, String key, List<ServiceCandidate.CandidateLink> links) {
        json.key(key).beginArray();
        for (ServiceCandidate.CandidateLink link : links) {
            json.beginObject().field("candidate", link.candidate()).field("weight", link.weight())
                    .key("dependencies").beginArray();
            for (Dependency dependency : link.dependencies()) {
                dependency(json, dependency, true);
            }
            json.endArray().endObject();
        }
        json.endArray();
    }

    static void dependency(JsonOutput json, Dependency dependency, boolean withSites) {
        json.beginObject().field("from", dependency.from().value()).field("to", dependency.to().value())
                .field("kind", dependency.kind().name()).field("weight", dependency.weight());
        if (withSites) {
            json.field("guessed", dependency.guessed())
                    .stringArray("sites", dependency.sites().stream().map(SourceLocation::toString).toList());
        }
        json.endObject();
    }

    private static void placement(JsonOutput json, Placement placement) {
        json.beginObject().field("name", placement.name().value()).field("candidate", placement.candidate())
                .field("reason", placement.reason()).field("useCaseCount", placement.useCaseCount())
                .stringArray("useCases", placement.useCases());
        json.key("strongestTies").beginArray();
        for (Placement.Tie tie : placement.strongestTies()) {
            json.beginObject().field("class", tie.other().value()).field("candidate", tie.candidate())
                    .field("weight", tie.weight()).endObject();
        }
        json.endArray();
        json.field("tieInside", placement.tieInside()).field("bestOtherCandidate", placement.bestOtherCandidate())
                .field("tieToBestOther", placement.tieToBestOther()).endObject();
    }

}
