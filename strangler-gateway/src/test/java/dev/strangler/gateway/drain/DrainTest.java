package dev.strangler.gateway.drain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DrainTest {

    @Test
    void is_not_ready_while_starting_and_ready_once_serving() {
        Drain drain = new Drain();

        assertThat(drain.state()).isEqualTo(DrainState.STARTING);
        assertThat(drain.isReady()).isFalse();
        drain.serving();
        assertThat(drain.state()).isEqualTo(DrainState.SERVING);
        assertThat(drain.isReady()).isTrue();
    }

    @Test
    void turns_not_ready_at_once_when_draining_starts_and_stays_so_after_a_late_start() {
        Drain drain = new Drain();
        drain.serving();

        assertThat(drain.startDraining()).isTrue();
        assertThat(drain.isReady()).isFalse();
        assertThat(drain.state()).isEqualTo(DrainState.DRAINING);
        drain.serving();
        assertThat(drain.isReady()).isFalse();
        assertThat(drain.startDraining()).isFalse();
    }

    @Test
    void counts_requests_and_tracked_work_in_flight_requests_first() {
        AtomicInteger copies = new AtomicInteger(2);
        Drain drain = new Drain().track("shadow-copies", copies::get);
        drain.requestStarted();
        drain.requestStarted();
        drain.requestStarted();
        drain.requestFinished();

        assertThat(drain.inFlight()).containsExactly(Map.entry("requests", 2), Map.entry("shadow-copies", 2));
    }

    @Test
    void refuses_to_track_the_same_kind_twice() {
        Drain drain = new Drain();

        assertThatThrownBy(() -> drain.track("requests", () -> 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'requests' is already tracked");
    }

    @Test
    void stops_with_nothing_left_as_soon_as_work_in_flight_finishes() throws Exception {
        AtomicInteger copies = new AtomicInteger(1);
        Drain drain = new Drain().track("shadow-copies", copies::get);
        drain.serving();
        drain.requestStarted();
        Thread finisher = new Thread(() -> {
            sleep(150);
            drain.requestFinished();
            sleep(100);
            copies.decrementAndGet();
        });
        finisher.start();

        long start = System.nanoTime();
        Map<String, Integer> left = drain.awaitIdle(Duration.ofSeconds(10));

        assertThat(left).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(240), Duration.ofSeconds(5));
        assertThat(drain.state()).isEqualTo(DrainState.STOPPED);
        assertThat(drain.isReady()).isFalse();
        finisher.join();
    }

    @Test
    void stops_at_the_bound_and_names_what_was_left() throws Exception {
        Drain drain = new Drain().track("shadow-copies", () -> 3);
        drain.serving();

        long start = System.nanoTime();
        Map<String, Integer> left = drain.awaitIdle(Duration.ofMillis(200));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(190), Duration.ofSeconds(3));
        assertThat(left).containsExactly(Map.entry("shadow-copies", 3));
        assertThat(drain.state()).isEqualTo(DrainState.STOPPED);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
