package dev.strangler.gateway.routefile;

import dev.strangler.gateway.comparison.BodyPointer;
import dev.strangler.gateway.routing.InvocationType;
import dev.strangler.gateway.rollout.Rollout;
import dev.strangler.gateway.routing.PathPattern;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTable;
import dev.strangler.gateway.routing.RouteTarget;
import dev.strangler.gateway.routing.Shadow;
import dev.strangler.gateway.routing.Stickiness;
import java.io.StringReader;
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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the route file (YAML) into a {@link RouteTable}, collecting every problem with its line before refusing it.
 * Thread-safe: holds no state.
 */
public final class RouteFileReader {

    private static final Set<String> TOP_KEYS = Set.of("version", "routes");
    private static final Set<String> ROUTE_KEYS = Set.of("id", "paths", "methods", "headers", "target", "weight",
            "sticky-by", "tester-header", "fallback", "shadow", "invocation", "rollout");
    private static final Set<String> TARGET_KEYS = Set.of("lambda", "qualifier", "payload-format", "url");
    private static final Set<String> SHADOW_KEYS = Set.of("percent", "unsafe-methods", "ignore-headers",
            "ignore-body-paths", "noise-sample-percent");
    /** The HTTP methods a route may list. */
    public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private RouteFileReader() {
    }

    /** Parses {@code yaml}; {@code file} names it in messages. Throws {@link InvalidRouteFileException}. */
    public static RouteTable read(String yaml, String file) {
        List<RouteFileProblem> problems = new ArrayList<>();
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new InvalidRouteFileException(file, List.of(new RouteFileProblem(line, null,
                    "not valid YAML: " + e.getProblem())));
        } catch (YAMLException e) {
            throw new InvalidRouteFileException(file, List.of(new RouteFileProblem(0, null, "not valid YAML: " + e.getMessage())));
        }
        if (!(root instanceof MappingNode top)) {
            throw new InvalidRouteFileException(file, List.of(new RouteFileProblem(line(root), null,
                    "the file must be a mapping with 'version: " + RouteTable.CURRENT_VERSION + "' and 'routes:'")));
        }
        Map<String, Node> fields = fields(top, TOP_KEYS, null, problems);
        Node versionNode = fields.get("version");
        if (versionNode == null) {
            problems.add(new RouteFileProblem(line(top), null, "missing 'version: " + RouteTable.CURRENT_VERSION + "'"));
        } else if (!String.valueOf(RouteTable.CURRENT_VERSION).equals(scalar(versionNode))) {
            problems.add(new RouteFileProblem(line(versionNode), null, "version must be "
                    + RouteTable.CURRENT_VERSION + ", but was '" + scalar(versionNode) + "'"));
        }
        List<Route> routes = new ArrayList<>();
        Node routesNode = fields.get("routes");
        if (routesNode instanceof SequenceNode sequence) {
            Set<String> ids = new HashSet<>();
            for (Node item : sequence.getValue()) {
                Route route = route(item, problems);
                if (route != null && !ids.add(route.id())) {
                    problems.add(new RouteFileProblem(line(item), route.id(), "id appears twice; ids must be unique"));
                } else if (route != null) {
                    routes.add(route);
                }
            }
        } else if (routesNode != null && !isNull(routesNode)) {
            problems.add(new RouteFileProblem(line(routesNode), null, "'routes' must be a list of routes"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRouteFileException(file, problems);
        }
        return new RouteTable(RouteTable.CURRENT_VERSION, routes);
    }

    private static Route route(Node node, List<RouteFileProblem> problems) {
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
        List<PathPattern> paths = new ArrayList<>();
        for (Node pathNode : list(fields.get("paths"), "paths", id, problems)) {
            try {
                paths.add(new PathPattern(String.valueOf(scalar(pathNode))));
            } catch (IllegalArgumentException e) {
                problems.add(new RouteFileProblem(line(pathNode), id, e.getMessage()));
            }
        }
        if (fields.get("paths") == null) {
            problems.add(new RouteFileProblem(line(node), id, "missing 'paths' (a list like [/api/orders/{id}])"));
        }
        Set<String> methods = new HashSet<>();
        for (Node methodNode : list(fields.get("methods"), "methods", id, problems)) {
            String method = String.valueOf(scalar(methodNode)).toUpperCase();
            if (!METHODS.contains(method)) {
                problems.add(new RouteFileProblem(line(methodNode), id, "method must be one of " + METHODS
                        + ", but was '" + scalar(methodNode) + "'"));
            }
            methods.add(method);
        }
        Map<String, String> headers = headers(fields.get("headers"), id, problems);
        RouteTarget target = target(fields.get("target"), node, id, problems);
        int weight = weight(fields.get("weight"), target, id, problems);
        Stickiness stickiness = null;
        if (fields.get("sticky-by") != null) {
            try {
                stickiness = Stickiness.parse(String.valueOf(scalar(fields.get("sticky-by"))));
            } catch (IllegalArgumentException e) {
                problems.add(new RouteFileProblem(line(fields.get("sticky-by")), id, e.getMessage()));
            }
        }
        String tester = fields.get("tester-header") == null ? null : scalar(fields.get("tester-header"));
        boolean fallback = bool(fields.get("fallback"), "fallback", id, problems);
        Shadow shadow = shadow(fields.get("shadow"), target, id, problems);
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

    private static int weight(Node node, RouteTarget target, String id, List<RouteFileProblem> problems) {
        if (node == null) {
            return target == null || target instanceof RouteTarget.Monolith ? 0 : 100;
        }
        String text = scalar(node);
        try {
            int weight = Integer.parseInt(String.valueOf(text));
            if (weight < 0 || weight > 100) {
                problems.add(new RouteFileProblem(line(node), id, "weight must be between 0 and 100, but was " + weight));
            }
            return weight;
        } catch (NumberFormatException e) {
            problems.add(new RouteFileProblem(line(node), id, "weight must be a whole number 0–100, but was '" + text + "'"));
            return 0;
        }
    }

    private static Shadow shadow(Node node, RouteTarget target, String id, List<RouteFileProblem> problems) {
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
        List<BodyPointer> bodyPaths = new ArrayList<>();
        for (Node path : list(fields.get("ignore-body-paths"), "ignore-body-paths", id, problems)) {
            try {
                bodyPaths.add(BodyPointer.of(String.valueOf(scalar(path))));
            } catch (IllegalArgumentException e) {
                problems.add(new RouteFileProblem(line(path), id, "shadow ignore-body-paths: " + e.getMessage()));
            }
        }
        boolean unsafe = bool(fields.get("unsafe-methods"), "shadow unsafe-methods", id, problems);
        List<String> ignored = new ArrayList<>();
        for (Node name : list(fields.get("ignore-headers"), "ignore-headers", id, problems)) {
            String text = scalar(name);
            if (text == null || text.isBlank()) {
                problems.add(new RouteFileProblem(line(name), id,
                        "shadow ignore-headers must hold header names, but held '" + text + "'"));
            } else {
                ignored.add(text);
            }
        }
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

    private static int percent(Node node, String name, String id, List<RouteFileProblem> problems) {
        String text = scalar(node);
        try {
            int percent = Integer.parseInt(String.valueOf(text));
            if (percent < 0 || percent > 100) {
                problems.add(new RouteFileProblem(line(node), id, name + " must be between 0 and 100, but was " + percent));
            }
            return percent;
        } catch (NumberFormatException e) {
            problems.add(new RouteFileProblem(line(node), id, name + " must be a whole number 0–100, but was '" + text + "'"));
            return 0;
        }
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

    static boolean bool(Node node, String name, String id, List<RouteFileProblem> problems) {
        if (node == null) {
            return false;
        }
        String text = scalar(node);
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.parseBoolean(text);
        }
        problems.add(new RouteFileProblem(line(node), id, name + " must be true or false, but was '" + text + "'"));
        return false;
    }

    static List<Node> list(Node node, String name, String id, List<RouteFileProblem> problems) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof ScalarNode) {
            return List.of(node);
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problems.add(new RouteFileProblem(line(node), id, "'" + name + "' must be a list"));
        return List.of();
    }

    static Map<String, Node> fields(MappingNode mapping, Set<String> known, String id, List<RouteFileProblem> problems) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (!known.contains(key)) {
                problems.add(new RouteFileProblem(line(tuple.getKeyNode()), id, "unknown key '" + key
                        + "'; known keys are " + known.stream().sorted().toList()));
            } else {
                fields.put(key, tuple.getValueNode());
            }
        }
        return fields;
    }

    private static Node field(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (key.equals(scalar(tuple.getKeyNode()))) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && (s.getValue().isEmpty() || s.getValue().equals("null") || s.getValue().equals("~"));
    }

    static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
