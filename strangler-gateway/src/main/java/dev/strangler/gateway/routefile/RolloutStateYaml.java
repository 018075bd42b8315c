package dev.strangler.gateway.routefile;

import static dev.strangler.gateway.routefile.YamlNodes.fields;
import static dev.strangler.gateway.routefile.YamlNodes.line;
import static dev.strangler.gateway.routefile.YamlNodes.list;
import static dev.strangler.gateway.routefile.YamlNodes.scalar;
import static dev.strangler.gateway.routefile.YamlNodes.whole;

import dev.strangler.gateway.rollout.LastDecision;
import dev.strangler.gateway.rollout.RolloutState;
import dev.strangler.gateway.rollout.RolloutStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What the gateway writes beside a rollout plan and reads back: the rollout's {@code state} and its {@code last}
 * decision. Each reading adds a {@link RouteFileProblem} instead of throwing. Stateless.
 */
final class RolloutStateYaml {

    private static final Set<String> STATE_KEYS = Set.of("step", "since", "paused", "status");
    private static final Set<String> LAST_KEYS = Set.of("decision", "at", "reasons", "figures");

    private RolloutStateYaml() {
    }

    static RolloutState state(Node node, LastDecision last, String id, List<RouteFileProblem> problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(new RouteFileProblem(line(node), id, "rollout 'state' must be a mapping like"
                    + " {step: 0, since: \"2026-12-07T05:00:00Z\", paused: false, status: running}"));
            return null;
        }
        int before = problems.size();
        Map<String, Node> fields = fields(mapping, STATE_KEYS, id, problems);
        int step = whole(fields.get("step"), "rollout state step", 0, id, problems);
        Instant since = instant(fields.get("since"), node, "rollout state since", id, problems);
        boolean paused = YamlNodes.bool(fields.get("paused"), "rollout state paused", id, problems);
        RolloutStatus status = RolloutStatus.RUNNING;
        if (fields.get("status") != null) {
            try {
                status = RolloutStatus.parse(scalar(fields.get("status")));
            } catch (IllegalArgumentException e) {
                problems.add(new RouteFileProblem(line(fields.get("status")), id, e.getMessage()));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return new RolloutState(step, since, paused, status, last);
        } catch (IllegalArgumentException e) {
            problems.add(new RouteFileProblem(line(node), id, "rollout state: " + e.getMessage()));
            return null;
        }
    }

    static LastDecision last(Node node, String id, List<RouteFileProblem> problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(new RouteFileProblem(line(node), id, "rollout 'last' must be a mapping with decision, at, reasons"));
            return null;
        }
        int before = problems.size();
        Map<String, Node> fields = fields(mapping, LAST_KEYS, id, problems);
        String decision = fields.get("decision") == null ? null : scalar(fields.get("decision"));
        if (decision == null || decision.isBlank()) {
            problems.add(new RouteFileProblem(line(node), id, "rollout 'last' needs a 'decision'"));
        }
        Instant at = instant(fields.get("at"), node, "rollout last at", id, problems);
        List<String> reasons = new ArrayList<>();
        for (Node reason : list(fields.get("reasons"), "rollout last reasons", id, problems)) {
            reasons.add(String.valueOf(scalar(reason)));
        }
        TreeMap<String, Double> figures = new TreeMap<>();
        Node figuresNode = fields.get("figures");
        if (figuresNode instanceof MappingNode figureMap) {
            for (NodeTuple tuple : figureMap.getValue()) {
                try {
                    figures.put(scalar(tuple.getKeyNode()), Double.valueOf(String.valueOf(scalar(tuple.getValueNode()))));
                } catch (NumberFormatException e) {
                    problems.add(new RouteFileProblem(line(tuple.getValueNode()), id, "rollout last figure '"
                            + scalar(tuple.getKeyNode()) + "' must be a number, but was '" + scalar(tuple.getValueNode()) + "'"));
                }
            }
        } else if (figuresNode != null && !(figuresNode instanceof SequenceNode)) {
            problems.add(new RouteFileProblem(line(figuresNode), id, "rollout last figures must be a mapping of numbers"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new LastDecision(decision, at, reasons, figures);
    }

    private static Instant instant(Node node, Node parent, String name, String id, List<RouteFileProblem> problems) {
        if (node == null) {
            problems.add(new RouteFileProblem(line(parent), id, name + " is missing; write a UTC time like 2026-12-07T05:00:00Z"));
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(String.valueOf(scalar(node)));
        } catch (DateTimeParseException e) {
            problems.add(new RouteFileProblem(line(node), id, name + " must be a UTC time like 2026-12-07T05:00:00Z, but was '"
                    + scalar(node) + "'"));
            return Instant.EPOCH;
        }
    }
}
