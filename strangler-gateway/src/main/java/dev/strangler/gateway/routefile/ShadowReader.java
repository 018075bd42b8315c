package dev.strangler.gateway.routefile;

import static dev.strangler.gateway.routefile.YamlNodes.bool;
import static dev.strangler.gateway.routefile.YamlNodes.fields;
import static dev.strangler.gateway.routefile.YamlNodes.line;
import static dev.strangler.gateway.routefile.YamlNodes.list;
import static dev.strangler.gateway.routefile.YamlNodes.percent;
import static dev.strangler.gateway.routefile.YamlNodes.scalar;

import dev.strangler.gateway.comparison.BodyPointer;
import dev.strangler.gateway.routing.RouteTarget;
import dev.strangler.gateway.routing.Shadow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a route's {@code shadow:} block, the share of monolith traffic copied to the target and compared. Stateless. */
final class ShadowReader {

    private static final Set<String> SHADOW_KEYS = Set.of("percent", "unsafe-methods", "ignore-headers",
            "ignore-body-paths", "noise-sample-percent");

    private ShadowReader() {
    }

    /** The route's shadow; {@link Shadow#OFF} when absent or invalid (then with problems added). */
    static Shadow read(Node node, RouteTarget target, String id, List<RouteFileProblem> problems) {
        if (node == null) {
            return Shadow.OFF;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(new RouteFileProblem(line(node), id, "'shadow' must be a mapping like"
                    + " {percent: 10, unsafe-methods: false, ignore-headers: [x-trace], ignore-body-paths: [/id]}"));
            return Shadow.OFF;
        }
        int before = problems.size();
        Map<String, Node> fields = fields(mapping, SHADOW_KEYS, id, problems);
        int percent = 0;
        Node percentNode = fields.get("percent");
        if (percentNode == null) {
            problems.add(new RouteFileProblem(line(node), id, "shadow needs 'percent' (0-100, the share of"
                    + " monolith-served requests copied to the target)"));
        } else {
            percent = percent(percentNode, "shadow percent", id, problems);
        }
        Node noiseNode = fields.get("noise-sample-percent");
        int noisePercent = noiseNode == null ? 0 : percent(noiseNode, "shadow noise-sample-percent", id, problems);
        List<BodyPointer> bodyPaths = bodyPaths(fields.get("ignore-body-paths"), id, problems);
        boolean unsafe = bool(fields.get("unsafe-methods"), "shadow unsafe-methods", id, problems);
        List<String> ignored = ignoredHeaders(fields.get("ignore-headers"), id, problems);
        if (percent > 0 && target instanceof RouteTarget.Monolith) {
            problems.add(new RouteFileProblem(line(node), id, "shadow needs a target to copy requests to, but the"
                    + " route's target is the monolith; give it {lambda: ...} or {url: ...}, or remove 'shadow'"));
        }
        if (problems.size() > before) {
            return Shadow.OFF;
        }
        try {
            return new Shadow(percent, unsafe, new HashSet<>(ignored), bodyPaths, noisePercent);
        } catch (IllegalArgumentException e) {
            problems.add(new RouteFileProblem(line(node), id, e.getMessage()));
            return Shadow.OFF;
        }
    }

    private static List<BodyPointer> bodyPaths(Node node, String id, List<RouteFileProblem> problems) {
        List<BodyPointer> bodyPaths = new ArrayList<>();
        for (Node path : list(node, "ignore-body-paths", id, problems)) {
            try {
                bodyPaths.add(BodyPointer.of(String.valueOf(scalar(path))));
            } catch (IllegalArgumentException e) {
                problems.add(new RouteFileProblem(line(path), id, "shadow ignore-body-paths: " + e.getMessage()));
            }
        }
        return bodyPaths;
    }

    private static List<String> ignoredHeaders(Node node, String id, List<RouteFileProblem> problems) {
        List<String> ignored = new ArrayList<>();
        for (Node name : list(node, "ignore-headers", id, problems)) {
            String text = scalar(name);
            if (text == null || text.isBlank()) {
                problems.add(new RouteFileProblem(line(name), id,
                        "shadow ignore-headers must hold header names, but held '" + text + "'"));
            } else {
                ignored.add(text);
            }
        }
        return ignored;
    }
}
