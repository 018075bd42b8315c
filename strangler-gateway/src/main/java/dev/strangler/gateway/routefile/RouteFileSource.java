package dev.strangler.gateway.routefile;

import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The route file as a {@link RouteSource}: read whole, replaced atomically on a change, with an append-only
 * {@link AuditLog} beside it. A route's version is a fingerprint of its content (48 bits of the SHA-256 of its YAML),
 * so it changes whenever the route does, also across restarts and hand edits. Thread-safe.
 */
final class RouteFileSource implements RouteSource {

    private final Path file;
    private final AuditLog audit;
    private final Clock clock;
    private FileTime loadedModified;
    private long revision;

    RouteFileSource(Path file, AuditLog audit, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public synchronized RouteSnapshot load() {
        try {
            loadedModified = Files.getLastModifiedTime(file);
            return snapshot(RouteFileReader.read(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("route file " + file + " does not exist; create it (see routes.example.yml)"
                    + " or pass another with --routes", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read route file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Re-reads the file when its modification time changed (the revision is this source's own count of reads). */
    @Override
    public synchronized Optional<RouteSnapshot> loadIfChanged(long knownRevision) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(loadedModified)) {
                return Optional.empty();
            }
            loadedModified = modified; // an invalid file is refused once, not on every check
            return Optional.of(snapshot(RouteFileReader.read(Files.readString(file, StandardCharsets.UTF_8), file.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized RouteCommit commit(RouteEdit edit, RouteSnapshot current) {
        RouteEdit.Applied applied = edit.applyTo(current, file.toString());
        try {
            RouteFileWriter.writeAtomically(file, RouteFileWriter.toYaml(applied.table()));
            loadedModified = Files.getLastModifiedTime(file);
            audit.append(clock.instant(), edit.actor(), edit.action(), edit.reason(), applied.before(), applied.after());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write route file " + file + " or audit log " + audit.file()
                    + ": " + e.getMessage() + "; the route table in force is unchanged", e);
        }
        RouteSnapshot after = snapshot(applied.table());
        return new RouteCommit(applied.before(), applied.after(), after.version(edit.id()), after);
    }

    private RouteSnapshot snapshot(RouteTable table) {
        revision++;
        return new RouteSnapshot(table, fingerprints(table), revision);
    }

    /** Each route's version: the first 48 bits of the SHA-256 of its YAML (a whole number JSON keeps exactly). */
    static Map<String, Long> fingerprints(RouteTable table) {
        Map<String, Long> versions = new HashMap<>();
        for (Route route : table.routes()) {
            byte[] digest = sha256(RouteFileWriter.routeYaml(route));
            versions.put(route.id(), ByteBuffer.wrap(digest).getLong() >>> 16);
        }
        return versions;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
