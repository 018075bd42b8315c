package dev.strangler.gateway.routefile;

import static dev.strangler.gateway.routefile.YamlNodes.fields;
import static dev.strangler.gateway.routefile.YamlNodes.line;
import static dev.strangler.gateway.routefile.YamlNodes.list;
import static dev.strangler.gateway.routefile.YamlNodes.scalar;

import dev.strangler.gateway.rollout.LastDecision;
import dev.strangler.gateway.rollout.Rollout;
import dev.strangler.gateway.rollout.RolloutPlan;
import dev.strangler.gateway.rollout.RolloutState;
import dev.strangler.gateway.rollout.RolloutStatus;
import dev.strangler.gateway.rollout.RolloutStep;
import dev.strangler.gateway.rollout.RolloutText;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A route's {@code rollout:} block: the plan as written by people, and the {@code state} and {@code last} decision the
 * gateway writes beside it. The same reader takes a plan given to the admin API (YAML or JSON), so both are validated
 * alike. Stateless and thread-safe.
 */
public final class RolloutYaml {

    private static final Set<String> PLAN_KEYS = Set.of("steps", "hold", "min-requests", "max-error-rate-increase",
            "max-p99-ratio", "min-match-rate", "shadow-percent");
    private static final Set<String> KEYS = union(PLAN_KEYS, Set.of("state", "last"));
    private static final Set<String> STATE_KEYS = Set.of("step", "since", "paused", "status");
    private static final Set<String> LAST_KEYS = Set.of("decision", "at", "reasons", "figures");

    private RolloutYaml() {
    }

    /**
     * A plan alone, as given to {@code POST /routes/{id}/rollout} or {@code ./strangler routes rollout --plan}: a
     * mapping of the plan's keys in YAML or JSON. Throws {@link InvalidRouteFileException} naming {@code source}.
     */
    public static RolloutPlan readPlan(String text, String source, String routeId) {
        List<RouteFileProblem> problems = new ArrayList<>();
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new InvalidRouteFileException(source, List.of(new RouteFileProblem(0, routeId,
                    "the rollout plan is not valid YAML or JSON: " + e.getMessage())));
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new InvalidRouteFileException(source, List.of(new RouteFileProblem(line(root), routeId,
                    "the rollout plan must be a mapping like {steps: [shadow, 10, 50, 100], hold: 5m}")));
        }
        RolloutPlan plan = plan(mapping, fields(mapping, PLAN_KEYS, routeId, problems), routeId, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRouteFileException(source, problems);
        }
        return plan;
    }

    /** Reads a route's {@code rollout:} value; null when absent or invalid (then with problems added). */
    static Rollout read(Node node, String id, List<RouteFileProblem> problems) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(new RouteFileProblem(line(node), id, "'rollout' must be a mapping like"
                    + " {steps: [shadow, 10, 50, 100], hold: 5m, max-error-rate-increase: 1%}"));
            return null;
        }
        int before = problems.size();
        Map<String, Node> fields = fields(mapping, KEYS, id, problems);
        RolloutPlan plan = plan(mapping, fields, id, problems);
        LastDecision last = fields.get("last") == null ? null : last(fields.get("last"), id, problems);
        RolloutState state = fields.get("state") == null ? null : state(fields.get("state"), last, id, problems);
        if (fields.get("last") != null && fields.get("state") == null) {
            problems.add(new RouteFileProblem(line(fields.get("last")), id, "rollout 'last' needs a 'state' beside it"));
        }
        if (problems.size() > before || plan == null) {
            return null;
        }
        try {
            return new Rollout(plan, state);
        } catch (IllegalArgumentException e) {
            problems.add(new RouteFileProblem(line(node), id, "rollout: " + e.getMessage()));
            return null;
        }
    }

    /** Appends the {@code rollout:} block of a route, indented under it. */
    static void write(StringBuilder out, Rollout rollout) {
        RolloutPlan plan = rollout.plan();
        out.append("    rollout:\n");
        out.append("      steps: ").append(RolloutPlan.labels(plan.steps())).append('\n');
        out.append("      hold: ").append(plan.holds().size() == 1 ? RolloutText.duration(plan.holds().get(0))
                : plan.holds().stream().map(RolloutText::duration).collect(Collectors.joining(", ", "[", "]"))).append('\n');
        out.append("      min-requests: ").append(plan.minRequests()).append('\n');
        if (plan.maxErrorRateIncrease() != null) {
            out.append("      max-error-rate-increase: ").append(RolloutText.percent(plan.maxErrorRateIncrease())).append('\n');
        }
        if (plan.maxP99Ratio() != null) {
            out.append("      max-p99-ratio: ").append(RolloutText.number(plan.maxP99Ratio())).append('\n');
        }
        if (plan.minMatchRate() != null) {
            out.append("      min-match-rate: ").append(RolloutText.percent(plan.minMatchRate())).append('\n');
        }
        out.append("      shadow-percent: ").append(plan.shadowPercent()).append('\n');
        RolloutState state = rollout.state();
        if (state == null) {
            return;
        }
        out.append("      state: {step: ").append(state.step()).append(", since: ")
                .append(RouteFileWriter.quote(state.since().toString())).append(", paused: ").append(state.paused())
                .append(", status: ").append(state.status().label()).append("}\n");
        LastDecision last = state.last();
        if (last != null) {
            out.append("      last:\n");
            out.append("        decision: ").append(RouteFileWriter.quote(last.decision())).append('\n');
            out.append("        at: ").append(RouteFileWriter.quote(last.at().toString())).append('\n');
            out.append("        reasons: ").append(last.reasons().stream().map(RouteFileWriter::quote)
                    .collect(Collectors.joining(", ", "[", "]"))).append('\n');
            out.append("        figures: {").append(last.figures().entrySet().stream()
                    .map(e -> e.getKey() + ": " + RolloutText.number(e.getValue()))
                    .collect(Collectors.joining(", "))).append("}\n");
        }
    }

    private static RolloutPlan plan(MappingNode node, Map<String, Node> fields, String id, List<RouteFileProblem> problems) {
        int before = problems.size();
        List<RolloutStep> steps = new ArrayList<>();
        if (fields.get("steps") == null) {
            problems.add(new RouteFileProblem(line(node), id, "rollout needs 'steps', like [shadow, 10, 50, 100]"));
        }
        for (Node step : list(fields.get("steps"), "rollout steps", id, problems)) {
            try {
                steps.add(RolloutStep.parse(scalar(step)));
            } catch (IllegalArgumentException e) {
                problems.add(new RouteFileProblem(line(step), id, e.getMessage()));
            }
        }
        List<Duration> holds = new ArrayList<>();
        if (fields.get("hold") == null) {
            problems.add(new RouteFileProblem(line(node), id, "rollout needs 'hold', the time each step must hold,"
                    + " like 5m (or one per step, like [1m, 5m, 10m])"));
        }
        for (Node hold : list(fields.get("hold"), "rollout hold", id, problems)) {
            try {
                holds.add(RolloutText.parseDuration(scalar(hold)));
            } catch (IllegalArgumentException e) {
                problems.add(new RouteFileProblem(line(hold), id, e.getMessage()));
            }
        }
        int minRequests = whole(fields.get("min-requests"), "min-requests", RolloutPlan.DEFAULT_MIN_REQUESTS, id, problems);
        Double errors = percent(fields.get("max-error-rate-increase"), "max-error-rate-increase", id, problems);
        Double matches = percent(fields.get("min-match-rate"), "min-match-rate", id, problems);
        Double ratio = null;
        Node ratioNode = fields.get("max-p99-ratio");
        if (ratioNode != null) {
            try {
                ratio = Double.valueOf(String.valueOf(scalar(ratioNode)));
            } catch (NumberFormatException e) {
                problems.add(new RouteFileProblem(line(ratioNode), id, "max-p99-ratio must be a number like 1.5, but was '"
                        + scalar(ratioNode) + "'"));
            }
        }
        int shadowPercent = whole(fields.get("shadow-percent"), "shadow-percent", 100, id, problems);
        if (problems.size() > before) {
            return null;
        }
        try {
            return new RolloutPlan(steps, holds, minRequests, errors, ratio, matches, shadowPercent);
        } catch (IllegalArgumentException e) {
            problems.add(new RouteFileProblem(line(node), id, "rollout: " + e.getMessage()));
            return null;
        }
    }

    private static RolloutState state(Node node, LastDecision last, String id, List<RouteFileProblem> problems) {
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

    private static LastDecision last(Node node, String id, List<RouteFileProblem> problems) {
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

    private static int whole(Node node, String name, int otherwise, String id, List<RouteFileProblem> problems) {
        if (node == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(String.valueOf(scalar(node)));
        } catch (NumberFormatException e) {
            problems.add(new RouteFileProblem(line(node), id, name + " must be a whole number, but was '" + scalar(node) + "'"));
            return otherwise;
        }
    }

    private static Double percent(Node node, String name, String id, List<RouteFileProblem> problems) {
        if (node == null) {
            return null;
        }
        try {
            return RolloutText.parsePercent(node instanceof ScalarNode ? scalar(node) : null);
        } catch (IllegalArgumentException e) {
            problems.add(new RouteFileProblem(line(node), id, name + " " + e.getMessage()));
            return null;
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
