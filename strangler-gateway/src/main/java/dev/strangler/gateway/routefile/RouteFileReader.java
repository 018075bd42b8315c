package dev.strangler.gateway.routefile;

import static dev.strangler.gateway.routefile.YamlNodes.fields;
import static dev.strangler.gateway.routefile.YamlNodes.isNull;
import static dev.strangler.gateway.routefile.YamlNodes.line;
import static dev.strangler.gateway.routefile.YamlNodes.scalar;

import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the route file (YAML) into a {@link RouteTable}, collecting every problem with its line before refusing it.
 * This class checks the file's top level; each route is read by {@link RouteReader}. Thread-safe: holds no state.
 */
public final class RouteFileReader {

    private static final Set<String> TOP_KEYS = Set.of("version", "routes");
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
                Route route = RouteReader.read(item, problems);
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
}
