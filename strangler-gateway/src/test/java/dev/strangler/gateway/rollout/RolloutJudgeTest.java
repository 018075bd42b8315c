package dev.strangler.gateway.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutJudgeTest {

    private static final Instant STEP_START = Instant.parse("2026-12-07T05:00:00Z");
    private static final List<RolloutStep> STEPS = List.of(new RolloutStep.Shadowing(), new RolloutStep.Weight(10),
            new RolloutStep.Weight(50), new RolloutStep.Weight(100));
    private static final RolloutPlan PLAN = new RolloutPlan(STEPS, List.of(Duration.ofMinutes(5)), 20, 0.01, 1.5, 0.99, 100);

    private final RolloutJudge judge = new RolloutJudge();

    @Test
    void holds_while_either_side_has_too_few_requests_however_bad_the_figures() {
        StepFigures figures = weightStep(new SideFigures(100, 0, 10), new SideFigures(19, 19, 900));

        Decision decision = judge.judge(at(1), figures, STEP_START.plus(Duration.ofHours(1)));

        assertThat(decision).isInstanceOf(Decision.Hold.class);
        assertThat(decision.reasons()).containsExactly("too few target requests: 19 of 20");
        assertThat(decision.figures()).containsEntry("target-requests", 19.0).containsEntry("monolith-requests", 100.0);
    }

    @Test
    void rolls_back_at_once_when_the_error_rate_rises_more_than_allowed() {
        StepFigures figures = weightStep(new SideFigures(200, 2, 10), new SideFigures(20, 1, 10));

        Decision decision = judge.judge(at(1), figures, STEP_START.plusSeconds(3));

        assertThat(decision).isInstanceOf(Decision.RollBack.class);
        assertThat(decision.reasons()).containsExactly(
                "error rate: target 5% (1 of 20) vs monolith 1% (2 of 200), at most +1%");
        assertThat(decision.figures()).containsEntry("target-error-rate", 0.05).containsEntry("monolith-error-rate", 0.01);
    }

    @Test
    void an_increase_of_exactly_the_allowed_points_holds() {
        StepFigures figures = weightStep(new SideFigures(100, 0, 10), new SideFigures(100, 1, 10));

        Decision decision = judge.judge(at(1), figures, STEP_START.plus(Duration.ofMinutes(6)));

        assertThat(decision).isInstanceOf(Decision.Advance.class);
    }

    @Test
    void rolls_back_when_the_p99_is_more_than_the_allowed_multiple_of_the_monoliths() {
        StepFigures figures = weightStep(new SideFigures(100, 0, 10), new SideFigures(100, 0, 15.1));

        Decision decision = judge.judge(at(1), figures, STEP_START.plusSeconds(10));

        assertThat(decision).isInstanceOf(Decision.RollBack.class);
        assertThat(decision.reasons()).containsExactly("p99 latency: target 15.1 ms vs monolith 10 ms, at most 1.5x");
    }

    @Test
    void holds_while_the_thresholds_hold_for_less_than_the_hold_time_then_advances() {
        StepFigures figures = weightStep(new SideFigures(100, 1, 10), new SideFigures(100, 1, 12));

        Decision early = judge.judge(at(1), figures, STEP_START.plus(Duration.ofMinutes(4)));
        Decision due = judge.judge(at(1), figures, STEP_START.plus(Duration.ofMinutes(5)));

        assertThat(early).isInstanceOf(Decision.Hold.class);
        assertThat(early.reasons()).contains("held 4m of 5m at step 2 of 4 (10)");
        assertThat(due).isInstanceOf(Decision.Advance.class);
        assertThat(((Decision.Advance) due).toStep()).isEqualTo(2);
        assertThat(due.reasons()).contains("error rate: target 1% (1 of 100) vs monolith 1% (1 of 100), at most +1%",
                "p99 latency: target 12 ms vs monolith 10 ms, at most 1.5x", "held 5m at step 2 of 4 (10)");
    }

    @Test
    void completes_when_the_last_step_held() {
        StepFigures figures = new StepFigures(STEP_START, SideFigures.NONE, new SideFigures(100, 0, 10),
                SideFigures.NONE, 0, 0, new SideFigures(50, 0, 10));

        Decision decision = judge.judge(at(3), figures, STEP_START.plus(Duration.ofMinutes(5)));

        assertThat(decision).isInstanceOf(Decision.Complete.class);
    }

    @Test
    void judges_the_shadow_step_on_the_copies_and_their_match_rate() {
        StepFigures matching = shadowStep(new SideFigures(40, 0, 12), 40, 0);
        StepFigures mismatching = shadowStep(new SideFigures(40, 0, 12), 38, 2);
        StepFigures failing = shadowStep(new SideFigures(40, 10, 12), 30, 0);

        Decision good = judge.judge(at(0), matching, STEP_START.plus(Duration.ofMinutes(5)));
        Decision bad = judge.judge(at(0), mismatching, STEP_START.plusSeconds(1));
        Decision broken = judge.judge(at(0), failing, STEP_START.plusSeconds(1));

        assertThat(good).isInstanceOf(Decision.Advance.class);
        assertThat(bad).isInstanceOf(Decision.RollBack.class);
        assertThat(bad.reasons()).containsExactly("shadow match rate: 95% (38 of 40), at least 99%");
        assertThat(bad.figures()).containsEntry("match-rate", 0.95);
        assertThat(broken).isInstanceOf(Decision.RollBack.class);
        assertThat(broken.reasons()).containsExactly("error rate: target 25% (10 of 40) vs monolith 0% (0 of 50), at most +1%");
    }

    @Test
    void holds_a_shadow_step_until_enough_copies_were_compared() {
        StepFigures figures = shadowStep(new SideFigures(40, 0, 12), 10, 0);

        Decision decision = judge.judge(at(0), figures, STEP_START.plus(Duration.ofHours(1)));

        assertThat(decision).isInstanceOf(Decision.Hold.class);
        assertThat(decision.reasons()).containsExactly("too few shadow copies compared: 10 of 20");
    }

    @Test
    void at_weight_100_compares_with_the_monolith_figures_of_the_step_before() {
        StepFigures figures = new StepFigures(STEP_START, SideFigures.NONE, new SideFigures(100, 3, 10),
                SideFigures.NONE, 0, 0, new SideFigures(80, 0, 10));

        Decision decision = judge.judge(at(3), figures, STEP_START.plusSeconds(1));

        assertThat(decision).isInstanceOf(Decision.RollBack.class);
        assertThat(decision.reasons()).containsExactly(
                "error rate: target 3% (3 of 100) vs monolith 0% (0 of 80, the step before), at most +1%");
    }

    @Test
    void at_weight_100_without_earlier_figures_judges_errors_against_zero_and_leaves_p99_alone() {
        StepFigures figures = new StepFigures(STEP_START, SideFigures.NONE, new SideFigures(100, 1, 500),
                SideFigures.NONE, 0, 0, null);

        Decision decision = judge.judge(at(3), figures, STEP_START.plus(Duration.ofMinutes(5)));

        assertThat(decision).isInstanceOf(Decision.Complete.class);
        assertThat(decision.reasons()).contains(
                "error rate: target 1% (1 of 100) vs monolith 0% (no monolith figures since the restart), at most +1%",
                "p99 latency not judged: no monolith figures since the restart");
    }

    @Test
    void counts_the_hold_time_from_the_figures_start_when_the_gateway_restarted_during_the_step() {
        Instant restarted = STEP_START.plus(Duration.ofMinutes(4));
        StepFigures figures = new StepFigures(restarted, new SideFigures(100, 0, 10), new SideFigures(100, 0, 10),
                SideFigures.NONE, 0, 0, null);

        Decision decision = judge.judge(at(1), figures, STEP_START.plus(Duration.ofMinutes(6)));

        assertThat(decision).isInstanceOf(Decision.Hold.class);
        assertThat(decision.reasons()).contains("held 2m of 5m at step 2 of 4 (10)");
    }

    @Test
    void makes_no_decision_while_paused_or_finished() {
        StepFigures awful = weightStep(new SideFigures(100, 0, 10), new SideFigures(100, 100, 900));
        Rollout paused = at(1).withState(at(1).state().withPaused(true, null));
        Rollout done = at(1).withState(new RolloutState(1, STEP_START, false, RolloutStatus.ROLLED_BACK, null));

        assertThat(judge.judge(paused, awful, STEP_START.plus(Duration.ofHours(1))).reasons())
                .containsExactly("the rollout is paused at step 2 of 4 (10)");
        assertThat(judge.judge(done, awful, STEP_START.plus(Duration.ofHours(1))).reasons())
                .containsExactly("the rollout is rolled-back");
    }

    @Test
    void leaves_out_thresholds_the_plan_does_not_set() {
        RolloutPlan errorsOnly = new RolloutPlan(List.of(new RolloutStep.Weight(50)), List.of(Duration.ofSeconds(1)), 5,
                0.05, null, null, 100);
        StepFigures slow = new StepFigures(STEP_START, new SideFigures(10, 0, 1), new SideFigures(10, 0, 1000),
                SideFigures.NONE, 0, 0, null);

        Decision decision = judge.judge(new Rollout(errorsOnly, running(0)), slow, STEP_START.plusSeconds(1));

        assertThat(decision).isInstanceOf(Decision.Complete.class);
    }

    @Test
    void refuses_plans_that_cannot_run_with_what_to_change() {
        List<Duration> hold = List.of(Duration.ofMinutes(1));

        assertThatThrownBy(() -> new RolloutPlan(List.of(new RolloutStep.Weight(50), new RolloutStep.Weight(10)), hold, 20,
                null, null, null, 100)).hasMessageContaining("rollout weights must increase step by step, but [50, 10]");
        assertThatThrownBy(() -> new RolloutPlan(List.of(new RolloutStep.Weight(10), new RolloutStep.Shadowing()), hold, 20,
                null, null, null, 100)).hasMessageContaining("'shadow' can only be the first rollout step");
        assertThatThrownBy(() -> new RolloutPlan(STEPS, List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)), 20,
                null, null, null, 100)).hasMessageContaining("one hold time for every step or one per step (4), but 2");
        assertThatThrownBy(() -> new RolloutPlan(List.of(new RolloutStep.Weight(10)), hold, 20, null, null, 0.99, 100))
                .hasMessageContaining("min-match-rate is judged in the shadow step, but [10] has none");
        assertThatThrownBy(() -> RolloutStep.parse("150")).hasMessageContaining("between 1 and 100, but was 150");
    }

    private static Rollout at(int step) {
        return new Rollout(PLAN, running(step));
    }

    private static RolloutState running(int step) {
        return new RolloutState(step, STEP_START, false, RolloutStatus.RUNNING, null);
    }

    private static StepFigures weightStep(SideFigures monolith, SideFigures target) {
        return new StepFigures(STEP_START, monolith, target, SideFigures.NONE, 0, 0, null);
    }

    private static StepFigures shadowStep(SideFigures copies, long matches, long mismatches) {
        return new StepFigures(STEP_START, new SideFigures(50, 0, 10), SideFigures.NONE, copies, matches, mismatches, null);
    }
}
