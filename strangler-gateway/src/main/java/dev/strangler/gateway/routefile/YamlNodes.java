package dev.strangler.gateway.routefile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Small readings of SnakeYAML nodes shared by the route file's readers: a mapping's known keys, a scalar's text, a
 * list, a boolean, a percentage and a node's line. Each one adds a {@link RouteFileProblem} instead of throwing.
 * Stateless.
 */
final class YamlNodes {

    private YamlNodes() {
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

    /** A sequence's items; a lone scalar counts as a list of one. */
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

    /** The mapping's values by key, in file order; each key not in {@code known} is a problem. */
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

    /** The value under {@code key}, or null; unlike {@link #fields} it reports nothing. */
    static Node field(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (key.equals(scalar(tuple.getKeyNode()))) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    /** A whole number from 0 to 100 named {@code name} in messages; 0 when it is not a number. */
    static int percent(Node node, String name, String id, List<RouteFileProblem> problems) {
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

    /** A whole number named {@code name} in messages; {@code otherwise} when absent or not a number. */
    static int whole(Node node, String name, int otherwise, String id, List<RouteFileProblem> problems) {
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

    static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && (s.getValue().isEmpty() || s.getValue().equals("null") || s.getValue().equals("~"));
    }

    /** The node's line, counted from 1; 0 when it has none. */
    static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
