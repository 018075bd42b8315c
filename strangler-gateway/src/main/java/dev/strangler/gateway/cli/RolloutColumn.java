package dev.strangler.gateway.cli;

import tools.jackson.databind.JsonNode;

/** The rollout of each route in {@code routes list}: a short column, and a line per rollout with its decisions. */
final class RolloutColumn {

    private RolloutColumn() {
    }

    /** {@code 2/4 (10 %) running}, {@code paused}, {@code rolled back at 1/4 (shadow)}, or {@code -}. */
    static String summary(JsonNode rollout) {
        if (rollout == null || rollout.isMissingNode() || rollout.isNull()) {
            return "-";
        }
        String status = rollout.path("status").asString();
        if (status.equals("pending")) {
            return "pending";
        }
        String step = step(rollout);
        return switch (status) {
            case "running" -> step + (rollout.path("paused").asBoolean() ? " paused" : " running");
            case "rolled-back" -> "rolled back at " + step;
            default -> status + " at " + step;
        };
    }

    /** One line per route with a rollout: its latest decision and, while running, the current judgement. */
    static String details(JsonNode routes) {
        StringBuilder out = new StringBuilder();
        for (JsonNode route : routes) {
            JsonNode rollout = route.path("rollout");
            if (rollout.isMissingNode() || rollout.isNull()) {
                continue;
            }
            out.append("Rollout ").append(route.path("id").asString()).append(": steps ")
                    .append(rollout.path("steps").toString().replace("\"", ""));
            JsonNode last = rollout.path("last");
            if (!last.isMissingNode()) {
                out.append("; last ").append(last.path("decision").asString()).append(" at ")
                        .append(last.path("at").asString()).append(": ").append(reasons(last));
            }
            JsonNode current = rollout.path("current");
            if (!current.isMissingNode()) {
                out.append("; now ").append(current.path("decision").asString()).append(": ").append(reasons(current));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String step(JsonNode rollout) {
        int index = rollout.path("step").asInt();
        String label = rollout.path("stepLabel").asString();
        return (index + 1) + "/" + rollout.path("steps").size() + " (" + (label.equals("shadow") ? label : label + " %") + ")";
    }

    private static String reasons(JsonNode decision) {
        StringBuilder text = new StringBuilder();
        for (JsonNode reason : decision.path("reasons")) {
            text.append(text.length() == 0 ? "" : "; ").append(reason.asString());
        }
        return text.toString();
    }
}
