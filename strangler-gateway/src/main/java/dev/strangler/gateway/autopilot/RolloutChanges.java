package dev.strangler.gateway.autopilot;

import dev.strangler.gateway.rollout.Decision;
import dev.strangler.gateway.rollout.LastDecision;
import dev.strangler.gateway.rollout.Rollout;
import dev.strangler.gateway.rollout.RolloutPlan;
import dev.strangler.gateway.rollout.RolloutState;
import dev.strangler.gateway.rollout.RolloutStatus;
import dev.strangler.gateway.rollout.RolloutStep;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.Shadow;
import java.time.Instant;

/**
 * The route changes a rollout makes: each takes a route and returns it changed (weight, shadow and rollout state),
 * or throws {@link IllegalArgumentException} saying why the change does not apply. Stateless and thread-safe.
 */
public final class RolloutChanges {

    private RolloutChanges() {
    }

    /** Starts {@code plan} on the route at its first step. */
    public static Route start(Route route, RolloutPlan plan, Instant now, String actor) {
        if (!route.isMoved()) {
            throw new IllegalArgumentException("route '" + route.id() + "' targets the monolith; set a target first:"
                    + " ./strangler routes set " + route.id() + " --lambda <function> --weight 0");
        }
        if (route.rollout() != null && route.rollout().isRunning()) {
            throw new IllegalArgumentException("route '" + route.id() + "' is already in a rollout, at step "
                    + describeStep(route.rollout()) + "; abort it first: ./strangler routes abort " + route.id());
        }
        LastDecision started = LastDecision.of("start", now, "started by " + actor + " with steps "
                + RolloutPlan.labels(plan.steps()));
        return atStep(route, new Rollout(plan, new RolloutState(0, now, false, RolloutStatus.RUNNING, started)));
    }

    /** Starts a plan written into the route file by hand (no state yet). */
    public static Route startPending(Route route, Instant now) {
        Rollout rollout = route.rollout();
        if (rollout == null || !rollout.isPending()) {
            throw new StaleRolloutException(route.id());
        }
        return start(route.withRollout(null), rollout.plan(), now, "the route file");
    }

    /** Moves on to the decision's step. */
    public static Route advance(Route route, Decision.Advance decision, Instant now) {
        Rollout rollout = route.rollout();
        RolloutState state = new RolloutState(decision.toStep(), now, false, RolloutStatus.RUNNING,
                LastDecision.of(decision, now));
        return atStep(route, rollout.withState(state));
    }

    /** Ends the rollout at its last step, which the route keeps. */
    public static Route complete(Route route, Decision.Complete decision, Instant now) {
        RolloutState state = route.rollout().state();
        return route.withRollout(route.rollout().withState(new RolloutState(state.step(), state.since(), false,
                RolloutStatus.COMPLETED, LastDecision.of(decision, now))));
    }

    /** Sends the route back to the monolith (weight 0, shadow off): a threshold did not hold. */
    public static Route rollBack(Route route, Decision.RollBack decision, Instant now) {
        return toMonolith(route, RolloutStatus.ROLLED_BACK, LastDecision.of(decision, now));
    }

    /** Sends the route back to the monolith (weight 0, shadow off) on an operator's word. */
    public static Route abort(Route route, Instant now, String actor) {
        requireRunning(route, "abort");
        return toMonolith(route, RolloutStatus.ABORTED, LastDecision.of("abort", now, "aborted by " + actor));
    }

    /** Suspends automatic decisions; the route keeps its weight. */
    public static Route pause(Route route, Instant now, String actor) {
        RolloutState state = requireRunning(route, "pause");
        if (state.paused()) {
            throw new IllegalArgumentException("the rollout of route '" + route.id() + "' is paused already;"
                    + " resume it with ./strangler routes resume " + route.id());
        }
        return route.withRollout(route.rollout().withState(state.withPaused(true,
                LastDecision.of("pause", now, "paused by " + actor + " at step " + describeStep(route.rollout())))));
    }

    /** Resumes automatic decisions; the current step starts again, so its hold time and figures start afresh. */
    public static Route resume(Route route, Instant now, String actor) {
        RolloutState state = requireRunning(route, "resume");
        if (!state.paused()) {
            throw new IllegalArgumentException("the rollout of route '" + route.id() + "' is not paused");
        }
        return atStep(route, route.rollout().withState(new RolloutState(state.step(), now, false, RolloutStatus.RUNNING,
                LastDecision.of("resume", now, "resumed by " + actor + " at step " + describeStep(route.rollout())))));
    }

    /**
     * An operator's own change of a route (set, promote, shadow) while its rollout runs unpaused would be undone by
     * the next step, so it is refused; a rollback by hand ends the rollout as aborted.
     */
    public static Route byHand(Route before, Route after, String action, Instant now, String actor) {
        Rollout rollout = before.rollout();
        if (rollout == null || !rollout.isRunning()) {
            return after;
        }
        if (action.equals("rollback")) {
            return toMonolith(after, RolloutStatus.ABORTED, LastDecision.of("abort", now, "rolled back by " + actor));
        }
        if (!rollout.state().paused()) {
            throw new IllegalArgumentException("route '" + before.id() + "' is in a rollout, at step " + describeStep(rollout)
                    + ", which would undo this change; pause it first (./strangler routes pause " + before.id()
                    + ") or abort it (./strangler routes abort " + before.id() + ")");
        }
        return after;
    }

    /** {@code 2 of 4 (50)}. */
    public static String describeStep(Rollout rollout) {
        int index = rollout.state() == null ? 0 : rollout.state().step();
        return (index + 1) + " of " + rollout.plan().steps().size() + " (" + rollout.step().label() + ")";
    }

    private static Route atStep(Route route, Rollout rollout) {
        RolloutStep step = rollout.step();
        Shadow shadow = route.shadow();
        int percent = step.isShadow() ? rollout.plan().shadowPercent() : 0;
        Shadow stepShadow = new Shadow(percent, shadow.unsafeMethods(), shadow.ignoreHeaders(), shadow.ignoreBodyPaths(),
                shadow.noiseSamplePercent());
        return route.withRollout(rollout).withShadow(stepShadow).withWeight(step.weight());
    }

    private static Route toMonolith(Route route, RolloutStatus status, LastDecision decision) {
        RolloutState state = route.rollout().state();
        Shadow shadow = route.shadow();
        Shadow off = new Shadow(0, shadow.unsafeMethods(), shadow.ignoreHeaders(), shadow.ignoreBodyPaths(),
                shadow.noiseSamplePercent());
        return route.withRollout(route.rollout().withState(new RolloutState(state.step(), state.since(), false, status,
                decision))).withShadow(off).withWeight(0);
    }

    private static RolloutState requireRunning(Route route, String action) {
        Rollout rollout = route.rollout();
        if (rollout == null || !rollout.isRunning()) {
            throw new IllegalArgumentException("route '" + route.id() + "' has no running rollout to " + action
                    + (rollout == null ? "" : " (its rollout is " + (rollout.state() == null ? "not started"
                    : rollout.state().status().label()) + ")") + "; start one with ./strangler routes rollout "
                    + route.id() + " --plan '{steps: [shadow, 10, 50, 100], hold: 5m}'");
        }
        return rollout.state();
    }
}
