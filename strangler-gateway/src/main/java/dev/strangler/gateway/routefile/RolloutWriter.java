package dev.strangler.gateway.routefile;

import dev.strangler.gateway.rollout.LastDecision;
import dev.strangler.gateway.rollout.Rollout;
import dev.strangler.gateway.rollout.RolloutPlan;
import dev.strangler.gateway.rollout.RolloutState;
import dev.strangler.gateway.rollout.RolloutText;
import java.util.stream.Collectors;

/** Writes a route's {@code rollout:} block in the form {@link RolloutYaml} reads. Stateless. */
final class RolloutWriter {

    private RolloutWriter() {
    }

    /** Appends the {@code rollout:} block of a route, indented under it. */
    static void write(StringBuilder out, Rollout rollout) {
        RolloutPlan plan = rollout.plan();
        out.append("    rollout:\n");
        out.append("      steps: ").append(RolloutPlan.labels(plan.steps())).append('\n');
        out.append("      hold: ").append(plan.holds().size() == 1 ? RolloutText.duration(plan.holds().get(0))
                : plan.holds().stream().map(RolloutText::duration).collect(Collectors.joining(", ", "[", "]"))).append('\n');
        out.append("      min-requests: ").append(plan.minRequests()).append('\n');
        if (plan.maxErrorRateIncrease() != null) {
            out.append("      max-error-rate-increase: ").append(RolloutText.percent(plan.maxErrorRateIncrease())).append('\n');
        }
        if (plan.maxP99Ratio() != null) {
            out.append("      max-p99-ratio: ").append(RolloutText.number(plan.maxP99Ratio())).append('\n');
        }
        if (plan.minMatchRate() != null) {
            out.append("      min-match-rate: ").append(RolloutText.percent(plan.minMatchRate())).append('\n');
        }
        out.append("      shadow-percent: ").append(plan.shadowPercent()).append('\n');
        RolloutState state = rollout.state();
        if (state == null) {
            return;
        }
        out.append("      state: {step: ").append(state.step()).append(", since: ")
                .append(RouteFileWriter.quote(state.since().toString())).append(", paused: ").append(state.paused())
                .append(", status: ").append(state.status().label()).append("}\n");
        LastDecision last = state.last();
        if (last != null) {
            out.append("      last:\n");
            out.append("        decision: ").append(RouteFileWriter.quote(last.decision())).append('\n');
            out.append("        at: ").append(RouteFileWriter.quote(last.at().toString())).append('\n');
            out.append("        reasons: ").append(last.reasons().stream().map(RouteFileWriter::quote)
                    .collect(Collectors.joining(", ", "[", "]"))).append('\n');
            out.append("        figures: {").append(last.figures().entrySet().stream()
                    .map(e -> e.getKey() + ": " + RolloutText.number(e.getValue()))
                    .collect(Collectors.joining(", "))).append("}\n");
        }
    }
}
