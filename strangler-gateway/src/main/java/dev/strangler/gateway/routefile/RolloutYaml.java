package dev.strangler.gateway.routefile;

import static dev.strangler.gateway.routefile.YamlNodes.fields;
import static dev.strangler.gateway.routefile.YamlNodes.line;
import static dev.strangler.gateway.routefile.YamlNodes.list;
import static dev.strangler.gateway.routefile.YamlNodes.scalar;
import static dev.strangler.gateway.routefile.YamlNodes.whole;

import dev.strangler.gateway.rollout.LastDecision;
import dev.strangler.gateway.rollout.Rollout;
import dev.strangler.gateway.rollout.RolloutPlan;
import dev.strangler.gateway.rollout.RolloutState;
import dev.strangler.gateway.rollout.RolloutStep;
import dev.strangler.gateway.rollout.RolloutText;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A route's {@code rollout:} block: the plan as written by people, and the {@code state} and {@code last} decision the
 * gateway writes beside it. The same reader takes a plan given to the admin API (YAML or JSON), so both are validated
 * alike. The state and last decision are read by {@link RolloutStateYaml}, and the block is written by
 * {@link RolloutWriter}. Stateless and thread-safe.
 */
public final class RolloutYaml {

    private static final Set<String> PLAN_KEYS = Set.of("steps", "hold", "min-requests", "max-error-rate-increase",
            "max-p99-ratio", "min-match-rate", "shadow-percent");
    private static final Set<String> KEYS = union(PLAN_KEYS, Set.of("state", "last"));

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
        LastDecision last = fields.get("last") == null ? null : RolloutStateYaml.last(fields.get("last"), id, problems);
        RolloutState state = fields.get("state") == null ? null
                : RolloutStateYaml.state(fields.get("state"), last, id, problems);
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
