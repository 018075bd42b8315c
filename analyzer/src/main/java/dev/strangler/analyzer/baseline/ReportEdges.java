package dev.strangler.analyzer.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one report says about coupling: each service candidate's classes and the dependencies between candidates.
 * Dependencies into and out of the shared kernel are left out: the kernel is a library every service may use.
 *
 * @param candidates   classes by candidate name, shared kernel excluded, in the report's order
 * @param dependencies dependencies between two such candidates, from the candidates' {@code outbound} lists
 */
record ReportEdges(Map<String, Set<String>> candidates, List<CrossDependency> dependencies) {
    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    ReportEdges {
        candidates = Map.copyOf(candidates);
        dependencies = List.copyOf(dependencies);
    }

    /** Reads a {@code decomposition.json}; {@code label} names the file in messages. */
    static ReportEdges parse(String json, String label) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BaselineException(label + " is not JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + "); give a decomposition.json written by strangler analyze", e);
        }
        if (root == null || !root.isObject() || !root.has("candidates")) {
            throw new BaselineException(label + " is not a decomposition report (no \"candidates\"); give a "
                    + "decomposition.json written by strangler analyze");
        }
        JsonNode version = root.path("schemaVersion");
        if (!version.isInt() || version.intValue() != SCHEMA_VERSION) {
            throw new BaselineException(label + " has schemaVersion " + (version.isMissingNode() ? "(none)" : version)
                    + ", but this analyzer understands schemaVersion " + SCHEMA_VERSION
                    + " only; write a new baseline with this analyzer's strangler analyze");
        }
        Map<String, Set<String>> candidates = new LinkedHashMap<>();
        for (JsonNode candidate : root.path("candidates")) {
            if (!candidate.path("sharedKernel").asBoolean(false)) {
                Set<String> classes = new LinkedHashSet<>();
                candidate.path("classes").forEach(name -> classes.add(name.asText()));
                candidates.put(candidate.path("name").asText(), classes);
            }
        }
        List<CrossDependency> dependencies = new ArrayList<>();
        for (JsonNode candidate : root.path("candidates")) {
            String from = candidate.path("name").asText();
            for (JsonNode link : candidate.path("outbound")) {
                String to = link.path("candidate").asText();
                if (candidates.containsKey(from) && candidates.containsKey(to)) {
                    link.path("dependencies").forEach(dependency -> dependencies.add(dependency(from, to, dependency)));
                }
            }
        }
        return new ReportEdges(candidates, dependencies);
    }

    private static CrossDependency dependency(String from, String to, JsonNode node) {
        List<String> sites = new ArrayList<>();
        node.path("sites").forEach(site -> sites.add(site.asText()));
        return new CrossDependency(from, to, node.path("from").asText(), node.path("to").asText(),
                node.path("kind").asText(), Math.max(1, node.path("weight").asInt(1)), sites);
    }

    int totalWeight() {
        return dependencies.stream().mapToInt(CrossDependency::weight).sum();
    }
}
