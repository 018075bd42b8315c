package dev.strangler.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveWindowTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void has_no_rates_at_the_first_reading() {
        LiveWindow window = new LiveWindow(Duration.ofSeconds(10), Duration.ofSeconds(1));

        LiveWindow.Figures figures = window.observe(T0, Map.of("orders", counts(5, 0, 5, 1)));

        assertThat(figures.seconds()).isZero();
        assertThat(figures.of("orders")).isEqualTo(RouteRates.NONE);
    }

    @Test
    void gives_rates_errors_and_percentiles_per_side_since_the_oldest_reading() {
        LiveWindow window = new LiveWindow(Duration.ofSeconds(10), Duration.ofSeconds(1));
        LiveTotals totals = new LiveTotals();
        window.observe(T0, totals.snapshot());
        for (int i = 0; i < 90; i++) {
            totals.answered("orders", true, false, 200, 2_000_000); // 2 ms
        }
        for (int i = 0; i < 9; i++) {
            totals.answered("orders", true, false, 503, 40_000_000); // 40 ms, failed
        }
        totals.answered("orders", true, false, 200, 900_000_000); // 900 ms
        totals.answered("orders", false, false, 429, 1_000_000);
        totals.answered("orders", false, true, 200, 5_000_000); // fell back: the target's error

        RouteRates rates = window.observe(T0.plusSeconds(4), totals.snapshot()).of("orders");

        assertThat(rates.monolith().requests()).isEqualTo(100);
        assertThat(rates.monolith().perSecond()).isEqualTo(25.0);
        assertThat(rates.monolith().errorRate()).isEqualTo(0.09);
        assertThat(rates.monolith().p50Millis()).isBetween(2.0, 2.0 * 1.1);
        assertThat(rates.monolith().p99Millis()).isBetween(40.0, 40.0 * 1.1);
        assertThat(rates.target().requests()).isEqualTo(2);
        assertThat(rates.target().errors()).isEqualTo(2);
        assertThat(rates.target().perSecond()).isEqualTo(0.5);
    }

    @Test
    void forgets_what_happened_before_the_span() {
        LiveWindow window = new LiveWindow(Duration.ofSeconds(10), Duration.ofSeconds(1));
        LiveTotals totals = new LiveTotals();
        window.observe(T0, totals.snapshot());
        for (int i = 0; i < 50; i++) {
            totals.answered("orders", false, false, 200, 1_000_000);
        }
        window.observe(T0.plusSeconds(5), totals.snapshot());
        window.observe(T0.plusSeconds(12), totals.snapshot());

        LiveWindow.Figures figures = window.observe(T0.plusSeconds(16), totals.snapshot());

        assertThat(figures.seconds()).isEqualTo(11.0); // from the reading at 5 s, the newest at least 10 s old
        assertThat(figures.of("orders").target().requests()).isZero();
        assertThat(figures.of("orders").target().p99Millis()).isNull();
        assertThat(figures.of("orders").target().errorRate()).isNull();
    }

    @Test
    void keeps_one_reading_per_step_however_often_it_is_asked() {
        LiveWindow window = new LiveWindow(Duration.ofSeconds(10), Duration.ofSeconds(1));
        window.observe(T0, Map.of());
        window.observe(T0.plusMillis(300), Map.of());

        LiveWindow.Figures figures = window.observe(T0.plusMillis(600), Map.of("orders", counts(3, 0, 0, 0)));

        assertThat(figures.seconds()).isEqualTo(0.6);
        assertThat(figures.of("orders").monolith().perSecond()).isEqualTo(5.0);
    }

    @Test
    void refuses_a_step_longer_than_the_span() {
        assertThatThrownBy(() -> new LiveWindow(Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step must be above 0 and at most the span");
    }

    private static RouteCounts counts(long monolith, long monolithErrors, long target, long targetErrors) {
        return new RouteCounts(new SideCounts(monolith, monolithErrors, SideCounts.NONE.latency()),
                new SideCounts(target, targetErrors, SideCounts.NONE.latency()));
    }
}
