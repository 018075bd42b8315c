package dev.strangler.gateway.routefile;

import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route table in force, kept in a {@link RouteSource}: the route file by default, or a store shared by several
 * gateway instances. Readers get the current table without locking; a change is validated, made lasting and audited
 * by the source, then swapped in, so a request in flight keeps the table it started with. A change made elsewhere (the
 * file edited, another instance's change in the shared store) is picked up by {@link #reloadIfChanged()}, called on a
 * timer and on the source's notices; an invalid one is refused and the last good table stays in force. Thread-safe.
 */
public final class RouteStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RouteStore.class);

    private final RouteSource source;
    private final AtomicReference<RouteSnapshot> current = new AtomicReference<>();
    private volatile String lastRefusal;
    private volatile boolean unreachable;

    private RouteStore(RouteSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Loads {@code file}; throws {@link InvalidRouteFileException} when it is invalid, so startup stops. */
    public static RouteStore open(Path file, AuditLog audit, Clock clock) {
        return open(new RouteFileSource(file, audit, clock));
    }

    /**
     * Loads the table from {@code source} and starts following its notices; throws when it is invalid or cannot be
     * read, so startup stops (the source is closed then).
     */
    public static RouteStore open(RouteSource source) {
        RouteStore store = new RouteStore(source);
        try {
            store.current.set(source.load());
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        RouteTable table = store.table();
        log.info("Loaded {} routes from {}, {} moved", table.routes().size(), source.location(),
                table.routes().stream().filter(Route::isMoved).count());
        source.watch(store::reloadIfChanged);
        return store;
    }

    /** The table in force. */
    public RouteTable table() {
        return current.get().table();
    }

    /** The table in force with each route's version. */
    public RouteSnapshot snapshot() {
        return current.get();
    }

    /** The version of route {@code id} in force; throws {@link dev.strangler.gateway.routing.UnknownRouteException}. */
    public long version(String id) {
        return current.get().version(id);
    }

    /** The route file, or null when the routes are kept in a shared store (see {@link #location()}). */
    public Path file() {
        return source.file();
    }

    /** Where the routes are kept: the route file's path or the shared store's URL (without credentials). */
    public String location() {
        return source.location();
    }

    /** Why the last change found in the source was refused, or null when the table in force is what the source holds. */
    public String lastRefusal() {
        return lastRefusal;
    }

    /**
     * Reads the source again when it changed. Returns true when a new table was applied; an invalid one is logged and
     * refused, and the table in force stays, as it does while the source cannot be reached.
     */
    public synchronized boolean reloadIfChanged() {
        try {
            Optional<RouteSnapshot> changed = source.loadIfChanged(current.get().revision());
            if (unreachable) {
                unreachable = false;
                log.info("Route store {} is reachable again", source.location());
            }
            if (changed.isEmpty()) {
                return false;
            }
            boolean applied = install(changed.get());
            lastRefusal = null;
            if (applied) {
                log.info("Reloaded {} routes from {}", changed.get().table().routes().size(), source.location());
            }
            return applied;
        } catch (InvalidRouteFileException e) {
            lastRefusal = e.getMessage();
            log.warn("Refused the changed routes; the last good table stays in force. {}", e.getMessage());
        } catch (UncheckedIOException e) {
            lastRefusal = e.getMessage();
            log.warn("Cannot re-read the routes; the last good table stays in force", e);
        } catch (RouteStoreUnavailableException e) {
            if (!unreachable) { // once per outage, not on every check
                log.warn("Cannot reach the route store; the last good table stays in force until it answers again", e);
            }
            unreachable = true;
        } catch (RuntimeException e) { // never let one bad read stop the timer or the listener that call this
            lastRefusal = String.valueOf(e.getMessage());
            log.warn("Reading the changed routes failed; the last good table stays in force", e);
        }
        return false;
    }

    /**
     * Applies {@code change} to route {@code id}, whatever its version (last writer wins): validates the new table,
     * makes it lasting, audits it, then puts it in force. Returns the changed route.
     */
    public Route change(String id, String actor, String action, UnaryOperator<Route> change) {
        return change(new RouteEdit(id, actor, action, null, null, change)).route();
    }

    /**
     * Applies {@code edit}: refused with {@link VersionConflictException} when it expects a version the route no longer
     * has; otherwise validated, made lasting, audited (with its reason) and put in force. Returns the changed route
     * and its new version.
     */
    public synchronized VersionedRoute change(RouteEdit edit) {
        if (source.file() != null) {
            reloadIfChanged(); // a hand edit of the file first, so that the change does not undo it
        }
        RouteCommit commit = source.commit(edit, current.get());
        install(commit.snapshot());
        Route old = commit.before();
        Route updated = commit.after();
        log.info("Route {} changed by {} ({}{}): {} at {}% -> {} at {}%, shadow {}% -> {}%, version {}", edit.id(),
                edit.actor(), edit.action(), edit.reason() == null ? "" : ": " + edit.reason(),
                old.target().describe(), old.weight(), updated.target().describe(), updated.weight(),
                old.shadow().percent(), updated.shadow().percent(), commit.version());
        return new VersionedRoute(updated, commit.version());
    }

    /** Stops following the source and releases its connections. */
    @Override
    public void close() {
        source.close();
    }

    /** Puts {@code snapshot} in force unless a newer one is already (a slow reload must not undo a later change). */
    private boolean install(RouteSnapshot snapshot) {
        RouteSnapshot before = current.getAndUpdate(old -> snapshot.revision() >= old.revision() ? snapshot : old);
        return snapshot.revision() >= before.revision();
    }
}
