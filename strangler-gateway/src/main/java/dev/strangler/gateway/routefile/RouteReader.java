package dev.strangler.gateway.routefile;

import static dev.strangler.gateway.routefile.YamlNodes.bool;
import static dev.strangler.gateway.routefile.YamlNodes.field;
import static dev.strangler.gateway.routefile.YamlNodes.fields;
import static dev.strangler.gateway.routefile.YamlNodes.line;
import static dev.strangler.gateway.routefile.YamlNodes.list;
import static dev.strangler.gateway.routefile.YamlNodes.percent;
import static dev.strangler.gateway.routefile.YamlNodes.scalar;

import dev.strangler.gateway.rollout.Rollout;
import dev.strangler.gateway.routing.InvocationType;
import dev.strangler.gateway.routing.PathPattern;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTarget;
import dev.strangler.gateway.routing.Shadow;
import dev.strangler.gateway.routing.Stickiness;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one entry of the route file's {@code routes:} list into a {@link Route}: its paths, methods, headers, target
 * and weight here, its {@code shadow:} and {@code rollout:} blocks through {@link ShadowReader} and
 * {@link RolloutYaml}. Stateless.
 */
final class RouteReader {

    private static final Set<String> ROUTE_KEYS = Set.of("id", "paths", "methods", "headers", "target", "weight",
            "sticky-by", "tester-header", "fallback", "shadow", "invocation", "rollout");
    private static final Set<String> TARGET_KEYS = Set.of("lambda", "qualifier", "payload-format", "url");

    private RouteReader() {
    }

    /** The route, or null when it is invalid (then with problems added). */
    static Route read(Node node, List<RouteFileProblem> problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(new RouteFileProblem(line(node), null, "each route must be a mapping with an 'id'"));
            return null;
        }
        int before = problems.size();
        Node idNode = field(mapping, "id");
        String id = idNode == null ? null : scalar(idNode);
        if (id == null) {
            problems.add(new RouteFileProblem(line(node), null, "route has no 'id'"));
            return null;
        }
        Map<String, Node> fields = fields(mapping, ROUTE_KEYS, id, problems);
        List<PathPattern> paths = paths(fields.get("paths"), node, id, problems);
        Set<String> methods = methods(fields.get("methods"), id, problems);
        Map<String, String> headers = headers(fields.get("headers"), id, problems);
        RouteTarget target = target(fields.get("target"), node, id, problems);
        int weight = weight(fields.get("weight"), target, id, problems);
        Stickiness stickiness = stickiness(fields.get("sticky-by"), id, problems);
        String tester = fields.get("tester-header") == null ? null : scalar(fields.get("tester-header"));
        boolean fallback = bool(fields.get("fallback"), "fallback", id, problems);
        Shadow shadow = ShadowReader.read(fields.get("shadow"), target, id, problems);
        InvocationType invocation = invocation(fields.get("invocation"), target, id, problems);
        Rollout rollout = RolloutYaml.read(fields.get("rollout"), id, problems);
        if (problems.size() > before) {
            return null;
        }
        try {
            return new Route(id, paths, methods, headers, target, weight, stickiness, tester, fallback, shadow, invocation,
                    rollout);
        } catch (IllegalArgumentException e) {
            problems.add(new RouteFileProblem(line(node), id, e.getMessage()));
            return null;
        }
    }

    private static List<PathPattern> paths(Node node, Node route, String id, List<RouteFileProblem> problems) {
        List<PathPattern> paths = new ArrayList<>();
        for (Node pathNode : list(node, "paths", id, problems)) {
            try {
                paths.add(new PathPattern(String.valueOf(scalar(pathNode))));
            } catch (IllegalArgumentException e) {
                problems.add(new RouteFileProblem(line(pathNode), id, e.getMessage()));
            }
        }
        if (node == null) {
            problems.add(new RouteFileProblem(line(route), id, "missing 'paths' (a list like [/api/orders/{id}])"));
        }
        return paths;
    }

    private static Set<String> methods(Node node, String id, List<RouteFileProblem> problems) {
        Set<String> methods = new HashSet<>();
        for (Node methodNode : list(node, "methods", id, problems)) {
            String method = String.valueOf(scalar(methodNode)).toUpperCase();
            if (!RouteFileReader.METHODS.contains(method)) {
                problems.add(new RouteFileProblem(line(methodNode), id, "method must be one of " + RouteFileReader.METHODS
                        + ", but was '" + scalar(methodNode) + "'"));
            }
            methods.add(method);
        }
        return methods;
    }

    private static Map<String, String> headers(Node node, String id, List<RouteFileProblem> problems) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (node == null) {
            return headers;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(new RouteFileProblem(line(node), id, "'headers' must map header names to regular expressions"));
            return headers;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String regex = scalar(tuple.getValueNode());
            try {
                Pattern.compile(String.valueOf(regex));
                headers.put(scalar(tuple.getKeyNode()), regex);
            } catch (PatternSyntaxException e) {
                problems.add(new RouteFileProblem(line(tuple.getValueNode()), id, "header '" + scalar(tuple.getKeyNode())
                        + "' has an invalid regular expression '" + regex + "': " + e.getDescription()));
            }
        }
        return headers;
    }

    private static RouteTarget target(Node node, Node route, String id, List<RouteFileProblem> problems) {
        if (node == null) {
            problems.add(new RouteFileProblem(line(route), id,
                    "missing 'target' (monolith, {lambda: <function>} or {url: http://...})"));
            return null;
        }
        if (node instanceof ScalarNode) {
            if ("monolith".equals(scalar(node))) {
                return new RouteTarget.Monolith();
            }
            problems.add(new RouteFileProblem(line(node), id, "target must be monolith, {lambda: <function>} or"
                    + " {url: http://...}, but was '" + scalar(node) + "'"));
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(new RouteFileProblem(line(node), id, "target must be monolith, {lambda: ...} or {url: ...}"));
            return null;
        }
        Map<String, Node> fields = fields(mapping, TARGET_KEYS, id, problems);
        try {
            if (fields.containsKey("lambda") && fields.containsKey("url")) {
                problems.add(new RouteFileProblem(line(node), id, "target names both 'lambda' and 'url'; keep one"));
                return null;
            }
            if (fields.containsKey("lambda")) {
                return new RouteTarget.LambdaFunction(scalar(fields.get("lambda")),
                        fields.get("qualifier") == null ? null : scalar(fields.get("qualifier")),
                        fields.get("payload-format") == null ? null : scalar(fields.get("payload-format")));
            }
            if (fields.containsKey("url")) {
                return new RouteTarget.HttpService(new URI(String.valueOf(scalar(fields.get("url")))));
            }
            problems.add(new RouteFileProblem(line(node), id, "target needs 'lambda: <function>' or 'url: http://...'"));
        } catch (IllegalArgumentException | NullPointerException | URISyntaxException e) {
            problems.add(new RouteFileProblem(line(node), id, "target: " + e.getMessage()));
        }
        return null;
    }

    private static int weight(Node node, RouteTarget target, String id, List<RouteFileProblem> problems) {
        if (node == null) {
            return target == null || target instanceof RouteTarget.Monolith ? 0 : 100;
        }
        return percent(node, "weight", id, problems);
    }

    private static Stickiness stickiness(Node node, String id, List<RouteFileProblem> problems) {
        if (node == null) {
            return null;
        }
        try {
            return Stickiness.parse(String.valueOf(scalar(node)));
        } catch (IllegalArgumentException e) {
            problems.add(new RouteFileProblem(line(node), id, e.getMessage()));
            return null;
        }
    }

    private static InvocationType invocation(Node node, RouteTarget target, String id, List<RouteFileProblem> problems) {
        if (node == null) {
            return InvocationType.REQUEST_RESPONSE;
        }
        InvocationType invocation;
        try {
            invocation = InvocationType.of(String.valueOf(scalar(node)));
        } catch (IllegalArgumentException e) {
            problems.add(new RouteFileProblem(line(node), id, e.getMessage()));
            return InvocationType.REQUEST_RESPONSE;
        }
        if (invocation == InvocationType.EVENT && target != null && !(target instanceof RouteTarget.LambdaFunction)) {
            problems.add(new RouteFileProblem(line(node), id, "invocation 'event' needs a Lambda target, but the target is "
                    + target.describe() + "; give it {lambda: <function>} or remove 'invocation'"));
        }
        return invocation;
    }
}
