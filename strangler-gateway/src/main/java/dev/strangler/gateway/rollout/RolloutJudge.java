package dev.strangler.gateway.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Decides what a running rollout does next from its plan, its state, the figures of its current step and the time.
 * A pure function of its arguments: stateless and thread-safe.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>Not running, or paused: hold.</li>
 *   <li>Too few requests: hold. The target side needs {@code minRequests} answers (copies in the shadow step); the
 *       monolith side too, except in a step that leaves it no traffic (weight 100), where the monolith's figures of
 *       the step before stand in; without those (after a restart in that step) the target is judged against an
 *       error rate of 0 and its p99 is not judged. With {@code min-match-rate}, the shadow step also needs
 *       {@code minRequests} compared copies.</li>
 *   <li>Any threshold breached: roll back, at once, whatever the time held.</li>
 *   <li>The thresholds held, but for less than the step's hold time (counted from the step's start, or from the
 *       figures' start when later, as after a restart): hold.</li>
 *   <li>Otherwise advance, or complete after the last step.</li>
 * </ol>
 */
public final class RolloutJudge {

    /** Judges {@code rollout} (started) at {@code now} on {@code figures}. */
    public Decision judge(Rollout rollout, StepFigures figures, Instant now) {
        Objects.requireNonNull(rollout, "rollout");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(now, "now");
        RolloutState state = rollout.state();
        TreeMap<String, Double> numbers = new TreeMap<>();
        if (state == null || state.status() != RolloutStatus.RUNNING) {
            return new Decision.Hold(List.of("the rollout is " + (state == null ? "not started" : state.status().label())), numbers);
        }
        if (state.paused()) {
            return new Decision.Hold(List.of("the rollout is paused at step " + stepName(rollout)), numbers);
        }
        RolloutPlan plan = rollout.plan();
        RolloutStep step = rollout.step();
        SideFigures target = step.isShadow() ? figures.shadowTarget() : figures.target();
        SideFigures monolith = figures.monolith();
        boolean baseline = step.weight() == 100 && monolith.requests() < plan.minRequests();
        if (baseline) {
            monolith = figures.previousMonolith();
        }
        put(numbers, "target", target);
        if (monolith != null) {
            put(numbers, "monolith", monolith);
        }
        if (step.isShadow()) {
            numbers.put("shadow-compared", (double) (figures.shadowMatches() + figures.shadowMismatches()));
            if (!Double.isNaN(figures.matchRate())) {
                numbers.put("match-rate", figures.matchRate());
            }
        }
        Duration held = Duration.between(later(state.since(), figures.since()), now);
        numbers.put("held-seconds", Math.max(0, held.toMillis()) / 1000.0);

        List<String> tooFew = tooFew(plan, step, target, monolith, baseline, figures);
        if (!tooFew.isEmpty()) {
            return new Decision.Hold(tooFew, numbers);
        }
        List<String> breaches = new ArrayList<>();
        List<String> holding = new ArrayList<>();
        judgeErrors(plan, target, monolith, baseline, breaches, holding);
        judgeLatency(plan, target, monolith, breaches, holding);
        if (step.isShadow()) {
            judgeMatches(plan, figures, breaches, holding);
        }
        if (!breaches.isEmpty()) {
            return new Decision.RollBack(breaches, numbers);
        }
        Duration hold = plan.hold(state.step());
        if (held.compareTo(hold) < 0) {
            holding.add("held " + RolloutText.duration(held.isNegative() ? Duration.ZERO : held) + " of "
                    + RolloutText.duration(hold) + " at step " + stepName(rollout));
            return new Decision.Hold(holding, numbers);
        }
        holding.add("held " + RolloutText.duration(hold) + " at step " + stepName(rollout));
        if (plan.isLast(state.step())) {
            return new Decision.Complete(holding, numbers);
        }
        return new Decision.Advance(state.step() + 1, holding, numbers);
    }

    private static List<String> tooFew(RolloutPlan plan, RolloutStep step, SideFigures target, SideFigures monolith,
                                       boolean baseline, StepFigures figures) {
        List<String> reasons = new ArrayList<>();
        int min = plan.minRequests();
        if (target.requests() < min) {
            reasons.add("too few " + (step.isShadow() ? "shadow copies answered" : "target requests") + ": "
                    + target.requests() + " of " + min);
        }
        if (!baseline && monolith.requests() < min) {
            reasons.add("too few monolith requests: " + monolith.requests() + " of " + min);
        }
        long compared = figures.shadowMatches() + figures.shadowMismatches();
        if (step.isShadow() && plan.minMatchRate() != null && compared < min) {
            reasons.add("too few shadow copies compared: " + compared + " of " + min);
        }
        return reasons;
    }

    private static void judgeErrors(RolloutPlan plan, SideFigures target, SideFigures monolith, boolean baseline,
                                    List<String> breaches, List<String> holding) {
        Double max = plan.maxErrorRateIncrease();
        if (max == null) {
            return;
        }
        double monolithRate = monolith == null ? 0 : monolith.errorRate();
        String against = monolith == null ? "0% (no monolith figures since the restart)"
                : pct(monolithRate) + " (" + monolith.errors() + " of " + monolith.requests()
                        + (baseline ? ", the step before" : "") + ")";
        String text = "error rate: target " + pct(target.errorRate()) + " (" + target.errors() + " of "
                + target.requests() + ") vs monolith " + against + ", at most +" + RolloutText.percent(max);
        // a tiny tolerance keeps 1 error in 100 within +1% despite binary fractions
        (target.errorRate() - monolithRate > max + 1e-9 ? breaches : holding).add(text);
    }

    private static void judgeLatency(RolloutPlan plan, SideFigures target, SideFigures monolith,
                                     List<String> breaches, List<String> holding) {
        Double ratio = plan.maxP99Ratio();
        if (ratio == null) {
            return;
        }
        if (monolith == null || Double.isNaN(monolith.p99Millis()) || Double.isNaN(target.p99Millis())) {
            holding.add("p99 latency not judged: no monolith figures since the restart");
            return;
        }
        String text = "p99 latency: target " + RolloutText.number(target.p99Millis()) + " ms vs monolith "
                + RolloutText.number(monolith.p99Millis()) + " ms, at most " + RolloutText.number(ratio) + "x";
        (target.p99Millis() > ratio * monolith.p99Millis() ? breaches : holding).add(text);
    }

    private static void judgeMatches(RolloutPlan plan, StepFigures figures, List<String> breaches, List<String> holding) {
        Double min = plan.minMatchRate();
        if (min == null) {
            return;
        }
        String text = "shadow match rate: " + pct(figures.matchRate()) + " (" + figures.shadowMatches() + " of "
                + (figures.shadowMatches() + figures.shadowMismatches()) + "), at least " + RolloutText.percent(min);
        (figures.matchRate() < min - 1e-9 ? breaches : holding).add(text);
    }

    private static void put(TreeMap<String, Double> numbers, String side, SideFigures figures) {
        numbers.put(side + "-requests", (double) figures.requests());
        numbers.put(side + "-errors", (double) figures.errors());
        numbers.put(side + "-error-rate", figures.errorRate());
        if (!Double.isNaN(figures.p99Millis())) {
            numbers.put(side + "-p99-ms", figures.p99Millis());
        }
    }

    private static String stepName(Rollout rollout) {
        int index = rollout.state().step();
        return (index + 1) + " of " + rollout.plan().steps().size() + " (" + rollout.step().label() + ")";
    }

    private static String pct(double fraction) {
        return RolloutText.number(fraction * 100) + "%";
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
