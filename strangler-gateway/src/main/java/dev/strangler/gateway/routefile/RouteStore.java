package dev.strangler.gateway.routefile;

import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTable;
import dev.strangler.gateway.routing.UnknownRouteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route table in force, backed by the route file. Readers get the current table without locking; a change is
 * validated, written atomically, audited and then swapped in, so a request in flight keeps the table it started
 * with. An edited file is picked up by {@link #reloadIfChanged()}; an invalid one is refused and the last good
 * table stays in force. Thread-safe.
 */
public final class RouteStore {

    private static final Logger log = LoggerFactory.getLogger(RouteStore.class);

    private final Path file;
    private final AuditLog audit;
    private final Clock clock;
    private final AtomicReference<RouteTable> current = new AtomicReference<>();
    private volatile FileTime loadedModified;
    private volatile String lastRefusal;

    private RouteStore(Path file, AuditLog audit, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Loads {@code file}; throws {@link InvalidRouteFileException} when it is invalid, so startup stops. */
    public static RouteStore open(Path file, AuditLog audit, Clock clock) {
        RouteStore store = new RouteStore(file, audit, clock);
        try {
            store.loadedModified = Files.getLastModifiedTime(file);
            store.current.set(RouteFileReader.read(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("route file " + file + " does not exist; create it (see routes.example.yml)"
                    + " or pass another with --routes", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read route file " + file + ": " + e.getMessage(), e);
        }
        RouteTable table = store.current.get();
        log.info("Loaded {} routes from {}, {} moved", table.routes().size(), file,
                table.routes().stream().filter(Route::isMoved).count());
        return store;
    }

    /** The table in force. */
    public RouteTable table() {
        return current.get();
    }

    /** The route file. */
    public Path file() {
        return file;
    }

    /** Why the last edit of the file was refused, or null when the file in force is the file on disk. */
    public String lastRefusal() {
        return lastRefusal;
    }

    /**
     * Re-reads the file when its modification time changed. Returns true when a new table was applied; an invalid
     * file is logged and refused, and the table in force stays.
     */
    public synchronized boolean reloadIfChanged() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(loadedModified)) {
                return false;
            }
            loadedModified = modified;
            RouteTable table = RouteFileReader.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            current.set(table);
            lastRefusal = null;
            log.info("Reloaded {} routes from {}", table.routes().size(), file);
            return true;
        } catch (InvalidRouteFileException e) {
            lastRefusal = e.getMessage();
            log.warn("Refused the edited route file; the last good table stays in force. {}", e.getMessage());
        } catch (IOException e) {
            lastRefusal = "cannot read " + file + ": " + e.getMessage();
            log.warn("Cannot re-read route file {}; the last good table stays in force", file, e);
        }
        return false;
    }

    /**
     * Applies {@code change} to route {@code id}: validates the new table, writes the file atomically, appends to the
     * audit log, then puts the table in force. Returns the changed route.
     */
    public synchronized Route change(String id, String actor, String action, UnaryOperator<Route> change) {
        reloadIfChanged();
        RouteTable before = current.get();
        Route old = before.find(id).orElseThrow(() -> new UnknownRouteException(id, before));
        Route updated = change.apply(old);
        RouteTable after = before.replace(updated);
        String yaml = RouteFileWriter.toYaml(after);
        RouteFileReader.read(yaml, file.toString()); // the file we write must be one we can read back
        try {
            RouteFileWriter.writeAtomically(file, yaml);
            loadedModified = Files.getLastModifiedTime(file);
            audit.append(clock.instant(), actor, action, old, updated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write route file " + file + " or audit log " + audit.file()
                    + ": " + e.getMessage() + "; the route table in force is unchanged", e);
        }
        current.set(after);
        log.info("Route {} changed by {} ({}): {} at {}% -> {} at {}%, shadow {}% -> {}%", id, actor, action,
                old.target().describe(), old.weight(), updated.target().describe(), updated.weight(),
                old.shadow().percent(), updated.shadow().percent());
        return updated;
    }
}
