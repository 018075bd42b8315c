package dev.strangler.gateway.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RolloutFiguresTest {

    private static final Instant T0 = Instant.parse("2026-12-07T05:00:00Z");
    private final RolloutFigures figures = new RolloutFigures();

    @Test
    void counts_only_routes_with_an_open_window() {
        figures.answered("orders", true, 200, 1_000_000);

        StepFigures opened = figures.figures("orders", "0@" + T0, 0, T0);

        assertThat(opened.monolith().requests()).isZero();
        assertThat(figures.current("carts")).isNull();
    }

    @Test
    void counts_errors_per_side_and_a_fallback_as_a_target_error() {
        figures.figures("orders", "1@" + T0, 1, T0);

        figures.answered("orders", true, 200, 1_000_000);
        figures.answered("orders", true, 503, 1_000_000);
        figures.answered("orders", false, 200, 2_000_000);
        figures.answered("orders", false, 502, 2_000_000);
        figures.answered("orders", false, 429, 2_000_000);
        figures.answered("orders", false, 404, 2_000_000);
        figures.answered("orders", true, true, 200, 40_000_000);
        StepFigures step = figures.current("orders");

        assertThat(step.monolith()).extracting(SideFigures::requests, SideFigures::errors).containsExactly(2L, 1L);
        assertThat(step.target()).extracting(SideFigures::requests, SideFigures::errors).containsExactly(5L, 3L);
        assertThat(step.target().p99Millis()).isBetween(40.0, 40.0 * 1.091);
    }

    @Test
    void counts_shadow_copies_apart_from_answers_to_users() {
        figures.figures("orders", "0@" + T0, 0, T0);

        figures.shadowCompared("orders", true);
        figures.shadowCompared("orders", false);
        figures.shadowFailed("orders");
        figures.shadowAnswered("orders", 3_000_000);
        StepFigures step = figures.current("orders");

        assertThat(step.shadowTarget()).extracting(SideFigures::requests, SideFigures::errors).containsExactly(3L, 1L);
        assertThat(step.shadowMatches()).isEqualTo(1);
        assertThat(step.shadowMismatches()).isEqualTo(1);
        assertThat(step.target().requests()).isZero();
        assertThat(step.matchRate()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void a_new_step_starts_afresh_keeping_the_monolith_figures_of_the_step_before() {
        figures.figures("orders", "1@" + T0, 1, T0);
        figures.answered("orders", true, 200, 1_000_000);
        figures.answered("orders", false, 200, 1_000_000);
        Instant later = T0.plusSeconds(60);

        StepFigures next = figures.figures("orders", "2@" + later, 2, later);
        StepFigures same = figures.figures("orders", "2@" + later, 2, later.plusSeconds(5));

        assertThat(next.since()).isEqualTo(later);
        assertThat(next.target().requests()).isZero();
        assertThat(next.previousMonolith().requests()).isEqualTo(1);
        assertThat(same.since()).isEqualTo(later);
    }

    @Test
    void the_p99_is_the_upper_bound_of_its_bucket_within_nine_percent() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 1; i <= 1000; i++) {
            histogram.record(i * 100_000L); // 0.1 ms to 100 ms
        }

        assertThat(histogram.count()).isEqualTo(1000);
        assertThat(histogram.percentileMillis(0.99)).isBetween(99.0, 99.0 * 1.091);
        assertThat(histogram.percentileMillis(0.5)).isBetween(50.0, 50.0 * 1.091);
        assertThat(new LatencyHistogram().percentileMillis(0.99)).isNaN();
    }
}
