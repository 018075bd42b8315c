package dev.strangler.gateway.config;

import dev.strangler.gateway.drain.Drain;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * Puts the {@link Drain} into Spring's shutdown, around the web server's own graceful shutdown. Lifecycles stop in
 * descending phase: {@link #beforeServerStops()} first (readiness false at once, then {@code drain-delay} still
 * serving), then Spring Boot's graceful shutdown (the server stops accepting and waits for its requests), then
 * {@link #afterServerStops()} (waits for the rest, such as shadow copies, until {@code timeout} after the delay, and
 * logs what was left). The event loops and clients are disposed only after that, when the beans are destroyed.
 */
final class ShutdownSequence {

    private static final Logger log = LoggerFactory.getLogger(ShutdownSequence.class);

    /** Between the graceful shutdown (which stops accepting) and the web server's stop. */
    static final int AWAIT_PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 512;

    private final Drain drain;
    private final ShutdownProperties properties;
    private volatile long deadline;

    ShutdownSequence(Drain drain, ShutdownProperties properties) {
        this.drain = Objects.requireNonNull(drain, "drain");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    SmartLifecycle beforeServerStops() {
        return new Phase(SmartLifecycle.DEFAULT_PHASE, drain::serving, this::delay);
    }

    SmartLifecycle afterServerStops() {
        return new Phase(AWAIT_PHASE, () -> { }, this::await);
    }

    private void delay() {
        if (!drain.startDraining()) {
            return;
        }
        Duration delay = properties.drainDelay();
        log.info("Draining: readiness is false; accepting for {} more, then in-flight work gets up to {}",
                delay, properties.timeout());
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadline = System.nanoTime() + properties.timeout().toNanos();
        log.info("Drain delay over: no longer accepting; in flight: {}", describe(drain.inFlight()));
    }

    private void await() {
        long start = System.nanoTime();
        long end = deadline == 0 ? start + properties.timeout().toNanos() : deadline;
        Map<String, Integer> left;
        try {
            left = drain.awaitIdle(Duration.ofNanos(Math.max(0, end - start)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            left = drain.inFlight();
        }
        if (left.isEmpty()) {
            log.info("Drained: no work in flight");
        } else {
            log.warn("Shutdown bound of {} (strangler.shutdown.timeout) hit; abandoned in flight: {}",
                    properties.timeout(), describe(left));
        }
    }

    private static String describe(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** A synchronous lifecycle step. */
    private static final class Phase implements SmartLifecycle {
        private final int phase;
        private final Runnable onStart;
        private final Runnable onStop;
        private volatile boolean running;

        Phase(int phase, Runnable onStart, Runnable onStop) {
            this.phase = phase;
            this.onStart = onStart;
            this.onStop = onStop;
        }

        @Override
        public void start() {
            running = true;
            onStart.run();
        }

        @Override
        public void stop() {
            try {
                onStop.run();
            } finally {
                running = false;
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return phase;
        }
    }
}
