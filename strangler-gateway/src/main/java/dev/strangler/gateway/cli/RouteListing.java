package dev.strangler.gateway.cli;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Renders the admin API's route list as a table for people; {@code --json} keeps the API's own answer. */
final class RouteListing {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // VERSION last: a route file's versions are long fingerprints, and scripts read the columns before it by position
    private static final String[] HEADER = {"ROUTE", "TARGET", "WEIGHT", "STICKY BY", "FALLBACK",
        "TO MONOLITH", "TO TARGET", "TARGET ERRORS", "FALLBACKS", "SHADOW", "SHADOW MATCHES", "ROLLOUT", "BREAKER", "VERSION"};

    private RouteListing() {
    }

    static String render(String body) {
        JsonNode root = JSON.readTree(body);
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (JsonNode route : root.path("routes")) {
            JsonNode figures = route.path("figures");
            rows.add(new String[] {
                route.path("id").asString(),
                route.path("target").asString() + ("event".equals(route.path("invocation").asString()) ? " (event)" : ""),
                route.path("weight").asString() + " %",
                route.path("stickyBy").isNull() ? "-" : route.path("stickyBy").asString(),
                route.path("fallback").asBoolean() ? "yes" : "no",
                figures.path("monolithRequests").asString(),
                figures.path("targetRequests").asString(),
                figures.path("targetErrors").asString(),
                figures.path("fallbacks").asString(),
                route.path("shadow").path("percent").asInt() == 0 ? "-" : route.path("shadow").path("percent").asString() + " %",
                shadowMatches(figures),
                RolloutColumn.summary(route.path("rollout")),
                breaker(route.path("circuit")),
                route.path("version").isMissingNode() ? "-" : route.path("version").asString()});
        }
        JsonNode unmatched = root.path("default");
        rows.add(new String[] {"(everything else)", "monolith", "-", "-", "-",
            unmatched.path("monolithRequests").asString(), "-", "-", "-", "-", "-", "-", "-"});
        return table(rows) + RolloutColumn.details(root.path("routes")) + (root.has("file") ? "Route file: " + root.path("file").asString()
                : "Route store: " + root.path("store").asString()) + System.lineSeparator() + refusal(root);
    }

    /** The last edit of the route file or store that was refused, so the table shows what is not in force. */
    private static String refusal(JsonNode root) {
        JsonNode refused = root.path("lastRefusal");
        if (!refused.isString() || refused.asString().isBlank()) {
            return "";
        }
        return "Refused edit, not in force (the routes above are the last good ones): " + refused.asString()
                + System.lineSeparator();
    }

    /** A 409 answer as a sentence: whose version moved, to what, and how to go on. */
    static String conflict(String body) {
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (RuntimeException e) {
            return "conflict: " + body;
        }
        String route = problem.path("route").asString();
        long current = problem.path("currentVersion").asLong();
        return "conflict: route '" + route + "' was changed by someone else since you looked: it is at version " + current
                + ", you expected " + problem.path("expectedVersion").asString() + ". Nothing was changed. Look at it"
                + " again (./strangler routes list) and, if your change still applies, repeat it with --if-version "
                + current;
    }

    /**
     * The circuit of the route's target: {@code closed}, {@code open}, {@code half_open}, {@code off} (no breakers),
     * with the failure rate once the breaker has one and {@code unhealthy} for a URL target failing its health checks;
     * {@code -} for the monolith.
     */
    static String breaker(JsonNode circuit) {
        if (!circuit.isObject()) {
            return "-";
        }
        JsonNode rate = circuit.path("failureRate");
        return circuit.path("state").asString()
                + (rate.isNumber() ? " (" + Math.round(rate.asDouble() * 10) / 10.0 + " % failed)" : "")
                + (circuit.path("healthy").isBoolean() && !circuit.path("healthy").asBoolean() ? ", unhealthy" : "");
    }

    /** {@code matched/compared (rate %)}, with errors and skipped copies after it when there were any. */
    private static String shadowMatches(JsonNode figures) {
        long matches = figures.path("shadowMatches").asLong();
        long compared = matches + figures.path("shadowMismatches").asLong();
        long errors = figures.path("shadowErrors").asLong();
        long skipped = figures.path("shadowSkipped").asLong();
        if (compared == 0 && errors == 0 && skipped == 0) {
            return "-";
        }
        String text = compared == 0 ? "0/0" : matches + "/" + compared + " (" + (matches * 1000 / compared) / 10.0 + " %)";
        return text + (errors > 0 ? ", " + errors + " errors" : "") + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }

    private static String table(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + widths[i] + "s", row[i])).append(i < row.length - 1 ? "  " : "");
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
