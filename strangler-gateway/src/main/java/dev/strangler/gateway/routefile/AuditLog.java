package dev.strangler.gateway.routefile;

import dev.strangler.gateway.routing.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Objects;

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
                + (route.shadow().isOn() ? ",\"shadowPercent\":" + route.shadow().percent() : "") + "}";
    }

    private static String json(String text) {
        return RouteFileWriter.quote(text);
    }
}
