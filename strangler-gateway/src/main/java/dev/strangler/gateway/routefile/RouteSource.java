package dev.strangler.gateway.routefile;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the route table is kept: the route file ({@code RouteStore.open(Path, ...)}, the default) or a store shared by
 * several gateway instances ({@code routedb.PostgresRouteSource}). {@link RouteStore} holds the table in force and
 * asks its source to load and change it. Implementations are thread-safe.
 */
public interface RouteSource extends AutoCloseable {

    /** Where the routes are, for messages and the admin API: a file path, or a database URL without credentials. */
    String location();

    /** The route file, or null when the routes are not kept in a file. */
    default Path file() {
        return null;
    }

    /**
     * Reads the whole table. Throws {@link InvalidRouteFileException} when what is stored is invalid, and an
     * unchecked exception saying what to fix when it cannot be read.
     */
    RouteSnapshot load();

    /**
     * Reads the table again when it changed since the snapshot of {@code knownRevision} was read; empty when it did
     * not (or when the same invalid content was refused already). Throws {@link InvalidRouteFileException} for an
     * invalid change, {@link RouteStoreUnavailableException} or {@link java.io.UncheckedIOException} when it cannot be
     * read.
     */
    Optional<RouteSnapshot> loadIfChanged(long knownRevision);

    /**
     * Makes {@code edit} lasting and audits it. {@code current} is the table in force; a shared store reads its own,
     * under its lock, instead. Throws {@link dev.strangler.gateway.routing.UnknownRouteException},
     * {@link VersionConflictException}, {@link InvalidRouteFileException} or {@link IllegalArgumentException} for a
     * refused change, {@link RouteStoreUnavailableException} or {@link java.io.UncheckedIOException} when it cannot be
     * made; nothing is changed then.
     */
    RouteCommit commit(RouteEdit edit, RouteSnapshot current);

    /** Calls {@code onChange} whenever the source learns of a change made elsewhere; a source without notices does nothing. */
    default void watch(Runnable onChange) {
    }

    /** Stops watching and releases connections. */
    @Override
    default void close() {
    }
}
