package dev.strangler.gateway.routefile;

import dev.strangler.gateway.rollout.LastDecision;
import dev.strangler.gateway.rollout.Rollout;
import dev.strangler.gateway.rollout.RolloutPlan;
import dev.strangler.gateway.rollout.RolloutState;
import dev.strangler.gateway.rollout.RolloutText;
import dev.strangler.gateway.routing.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An append-only log of route changes, one JSON object per line: when, who, action, route, reason (when given),
 * before and after.
 * Thread-safe: appends are serialised.
 */
public final class AuditLog {

    private final Path file;

    /** A log appending to {@code file}, which is created on first use. */
    public AuditLog(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Appends one change and forces it to disk. */
    public void append(Instant when, String actor, String action, Route before, Route after) throws IOException {
        append(when, actor, action, null, before, after);
    }

    /** Appends one change with the reason given for it ({@code "reason"}, left out when null) and forces it to disk. */
    public synchronized void append(Instant when, String actor, String action, String reason, Route before, Route after)
            throws IOException {
        String line = "{\"when\":" + json(when.toString()) + ",\"who\":" + json(actor) + ",\"action\":" + json(action)
                + ",\"route\":" + json(after.id()) + (reason == null ? "" : ",\"reason\":" + json(reason))
                + ",\"before\":" + state(before) + ",\"after\":" + state(after) + "}\n";
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /** The audited state of a route: target, weight and, when on, the shadow percent, as a JSON object. */
    public static String state(Route route) {
        // the shadow only when on, so that lines of routes without one read as they always did
        return "{\"target\":" + json(route.target().describe()) + ",\"weight\":" + route.weight()
                + (route.shadow().isOn() ? ",\"shadowPercent\":" + route.shadow().percent() : "")
                + (route.rollout() == null ? "" : ",\"rollout\":" + rollout(route.rollout())) + "}";
    }

    /** The rollout's step and status, and its latest decision with the figures that drove it. */
    private static String rollout(Rollout rollout) {
        RolloutState state = rollout.state();
        StringBuilder out = new StringBuilder("{\"steps\":").append(json(RolloutPlan.labels(rollout.plan().steps())));
        if (state == null) {
            return out.append(",\"status\":\"pending\"}").toString();
        }
        out.append(",\"status\":").append(json(state.status().label()))
                .append(",\"step\":").append(state.step())
                .append(",\"stepLabel\":").append(json(rollout.step().label()))
                .append(",\"paused\":").append(state.paused())
                .append(",\"since\":").append(json(state.since().toString()));
        LastDecision last = state.last();
        if (last != null) {
            out.append(",\"decision\":").append(json(last.decision()))
                    .append(",\"reasons\":").append(last.reasons().stream().map(AuditLog::json)
                            .collect(Collectors.joining(",", "[", "]")))
                    .append(",\"figures\":").append(last.figures().entrySet().stream()
                            .map(e -> json(e.getKey()) + ":" + RolloutText.number(e.getValue()))
                            .collect(Collectors.joining(",", "{", "}")));
        }
        return out.append('}').toString();
    }

    private static String json(String text) {
        return RouteFileWriter.quote(text);
    }
}
