package dev.strangler.gateway.routefile;

import dev.strangler.gateway.routing.InvocationType;
import dev.strangler.gateway.routing.PathPattern;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTable;
import dev.strangler.gateway.routing.RouteTarget;
import dev.strangler.gateway.routing.Shadow;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a {@link RouteTable} as route file YAML, and replaces a file atomically. Stateless and thread-safe. */
public final class RouteFileWriter {

    private RouteFileWriter() {
    }

    /** The YAML text of {@code table}; reading it back gives an equal table. */
    public static String toYaml(RouteTable table) {
        return toYaml(table, List.of("Routes of the strangler gateway; everything not listed goes to the monolith.",
                "Written by the gateway's admin API; see strangler-gateway/README.md for the format."));
    }

    /** As {@link #toYaml(RouteTable)}, opening with {@code comments}, one {@code #} line each (line breaks split them). */
    public static String toYaml(RouteTable table, List<String> comments) {
        StringBuilder out = new StringBuilder();
        for (String comment : comments) {
            for (String line : comment.split("\\R", -1)) {
                out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
            }
        }
        out.append("version: ").append(table.version()).append('\n');
        if (table.routes().isEmpty()) {
            return out.append("routes: []\n").toString();
        }
        out.append("routes:\n");
        for (Route route : table.routes()) {
            out.append("  - id: ").append(quote(route.id())).append('\n');
            out.append("    paths: [").append(route.paths().stream().map(PathPattern::pattern)
                    .map(RouteFileWriter::quote).collect(Collectors.joining(", "))).append("]\n");
            if (!route.methods().isEmpty()) {
                out.append("    methods: [").append(route.methods().stream().sorted()
                        .collect(Collectors.joining(", "))).append("]\n");
            }
            if (!route.headers().isEmpty()) {
                out.append("    headers:\n");
                route.headers().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(h ->
                        out.append("      ").append(quote(h.getKey())).append(": ").append(quote(h.getValue())).append('\n'));
            }
            out.append("    target: ").append(target(route.target())).append('\n');
            if (route.invocation() != InvocationType.REQUEST_RESPONSE) {
                out.append("    invocation: ").append(route.invocation().label()).append('\n');
            }
            out.append("    weight: ").append(route.weight()).append('\n');
            if (route.stickyBy() != null) {
                out.append("    sticky-by: ").append(quote(route.stickyBy().toString())).append('\n');
            }
            if (!route.testerHeader().equals(Route.DEFAULT_TESTER_HEADER)) {
                out.append("    tester-header: ").append(quote(route.testerHeader())).append('\n');
            }
            out.append("    fallback: ").append(route.fallback()).append('\n');
            Shadow shadow = route.shadow();
            if (!shadow.equals(Shadow.OFF)) {
                out.append("    shadow: {percent: ").append(shadow.percent())
                        .append(", unsafe-methods: ").append(shadow.unsafeMethods());
                if (!shadow.ignoreHeaders().isEmpty()) {
                    out.append(", ignore-headers: [").append(shadow.ignoreHeaders().stream().sorted()
                            .map(RouteFileWriter::quote).collect(Collectors.joining(", "))).append(']');
                }
                if (!shadow.ignoreBodyPaths().isEmpty()) {
                    out.append(", ignore-body-paths: [").append(shadow.ignoreBodyPaths().stream()
                            .map(p -> quote(p.text())).collect(Collectors.joining(", "))).append(']');
                }
                if (shadow.noiseSamplePercent() > 0) {
                    out.append(", noise-sample-percent: ").append(shadow.noiseSamplePercent());
                }
                out.append("}\n");
            }
            if (route.rollout() != null) {
                RolloutWriter.write(out, route.rollout());
            }
        }
        return out.toString();
    }

    /**
     * One route as an item of the route file's {@code routes:} list ({@code "  - id: ..."}, one line per field, ending
     * with a line break): {@code "version: 1\nroutes:\n"} followed by such items is a route file. Written by
     * {@link #toYaml(RouteTable, List)} itself, so an item and a whole file never disagree.
     */
    public static String routeYaml(Route route) {
        String whole = toYaml(new RouteTable(RouteTable.CURRENT_VERSION, List.of(route)), List.of());
        return whole.substring(whole.indexOf("routes:\n") + "routes:\n".length());
    }

    /**
     * Replaces {@code file} with {@code text} so that a reader sees the old or the new content, never a mix:
     * writes a temporary file beside it, forces it to disk and renames it over the old one.
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(StandardCharsets.UTF_8.encode(text));
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String target(RouteTarget target) {
        if (target instanceof RouteTarget.LambdaFunction fn) {
            return "{lambda: " + quote(fn.function())
                    + (fn.qualifier() == null ? "" : ", qualifier: " + quote(fn.qualifier()))
                    + (fn.payloadFormat().equals("2.0") ? "" : ", payload-format: " + quote(fn.payloadFormat())) + "}";
        }
        if (target instanceof RouteTarget.HttpService service) {
            return "{url: " + quote(service.uri().toString()) + "}";
        }
        return "monolith";
    }

    /** A YAML double-quoted scalar; its escapes are those of JSON strings. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
