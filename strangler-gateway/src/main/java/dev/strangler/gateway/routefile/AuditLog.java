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
 * An append-only log of route changes, one JSON object per line: when, who, action, route, before and after.
 * Thread-safe: appends are serialised.
 */
public final class AuditLog {

    private final Path file;

    /** A log appending to {@code file}, which is created on first use. */
    public AuditLog(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Appends one change and forces it to disk. */
    public synchronized void append(Instant when, String actor, String action, Route before, Route after) throws IOException {
        String line = "{\"when\":" + json(when.toString()) + ",\"who\":" + json(actor) + ",\"action\":" + json(action)
                + ",\"route\":" + json(after.id()) + ",\"before\":" + state(before) + ",\"after\":" + state(after) + "}\n";
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

    private static String state(Route route) {
        // the shadow only when on, so that lines of routes without one read as they always did
        return "{\"target\":" + json(route.target().describe()) + ",\"weight\":" + route.weight()
                + (route.shadow().isOn() ? ",\"shadowPercent\":" + route.shadow().percent() : "") + "}";
    }

    private static String json(String text) {
        return RouteFileWriter.quote(text);
    }
}
