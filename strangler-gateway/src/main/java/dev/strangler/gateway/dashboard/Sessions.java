package dev.strangler.gateway.dashboard;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's login sessions, kept in memory on the server: the browser holds only a random session id (in an
 * HttpOnly, SameSite=Strict cookie), never the admin token. Each session carries a random CSRF token its page sends
 * with every change. A session ends when unused for {@code idle}, after {@code lifetime} in any case, on logout, and
 * when the gateway restarts; past {@code max} sessions the least recently used one ends. Thread-safe.
 */
public final class Sessions {

    private static final int ID_BYTES = 32;

    private final Clock clock;
    private final SecureRandom random;
    private final Duration idle;
    private final Duration lifetime;
    private final int max;
    private final Map<String, Session> open = new ConcurrentHashMap<>();

    /** Sessions timed by {@code clock}, with ids from {@code random}. */
    public Sessions(Clock clock, SecureRandom random, Duration idle, Duration lifetime, int max) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, but was " + max);
        }
        this.max = max;
    }

    /** Sessions ending after 30 minutes unused or 12 hours in all, at most 100 at once. */
    public static Sessions standard() {
        return new Sessions(Clock.systemUTC(), new SecureRandom(), Duration.ofMinutes(30), Duration.ofHours(12), 100);
    }

    /** Opens a session (after the caller checked the admin token). */
    public Session open() {
        Instant now = clock.instant();
        open.values().removeIf(s -> s.isOver(now, idle, lifetime));
        while (open.size() >= max) {
            open.values().stream().min(Comparator.comparing(Session::lastUsed)).ifPresent(s -> open.remove(s.id()));
        }
        Session session = new Session(newSecret(), newSecret(), now, now);
        open.put(session.id(), session);
        return session;
    }

    /** The open session with id {@code id}, marked as used now; empty when unknown or over. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session session = open.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (session.isOver(now, idle, lifetime)) {
            open.remove(id);
            return Optional.empty();
        }
        Session used = session.usedAt(now);
        open.replace(id, session, used);
        return Optional.of(used);
    }

    /** Ends the session with id {@code id}, if open. */
    public void close(String id) {
        if (id != null) {
            open.remove(id);
        }
    }

    /** Whether {@code given} is the session's CSRF token, compared in constant time. */
    public static boolean isCsrfToken(Session session, String given) {
        return given != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private String newSecret() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * One open session.
     *
     * @param id the secret the cookie holds
     * @param csrfToken the secret the page sends with each change
     * @param opened when the token was given
     * @param lastUsed when it was last used
     */
    public record Session(String id, String csrfToken, Instant opened, Instant lastUsed) {
        public Session {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(csrfToken, "csrfToken");
            Objects.requireNonNull(opened, "opened");
            Objects.requireNonNull(lastUsed, "lastUsed");
        }

        Session usedAt(Instant now) {
            return new Session(id, csrfToken, opened, now);
        }

        boolean isOver(Instant now, Duration idle, Duration lifetime) {
            return !now.isBefore(lastUsed.plus(idle)) || !now.isBefore(opened.plus(lifetime));
        }

        @Override
        public String toString() {
            return "Session[opened=" + opened + ", lastUsed=" + lastUsed + "]"; // never the secrets, in logs or messages
        }
    }
}
