package dev.strangler.gateway.it;

import dev.strangler.gateway.it.ChaosLoad.Sent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The figures of one chaos run and its checks against the targets: no failed safe-method request while fallback can
 * answer (the monolith is up), no request left without an answer (around a rollback or otherwise), and every fault
 * rolled back by the rollout within one step's hold time.
 *
 * @param sent       every request of the run
 * @param rollbacks  the rollout's rollbacks seen during the fault phases
 * @param rollbacksInAudit all rollbacks in the audit log, whatever the phase
 * @param faultPhases the phases that made the function fail, in order
 * @param hold       the plan's hold time per step
 * @param monolithDown when the monolith was stopped and started again: a request in flight then (sent in whatever
 *                   phase) that went to the monolith cannot be answered by it, so the GET target leaves it out
 */
record ChaosReport(List<Sent> sent, List<Rollback> rollbacks, int rollbacksInAudit, List<String> faultPhases, Duration hold,
                   Window monolithDown) {

    /** A span of time, epoch ms. */
    record Window(long fromMs, long toMs) {
        boolean overlaps(Sent sent) {
            return sent.startMs() <= toMs && sent.endMs() >= fromMs;
        }
    }

    /** The phase in which the monolith, the fallback itself, is down: its GETs to the monolith cannot be saved. */
    static final String MONOLITH_DOWN = "monolith-restart";

    /** A rollback by the rollout: the phase, when its fault began, when the step began and when it was rolled back (epoch ms). */
    record Rollback(String phase, long faultAtMs, long stepSinceMs, long atMs) {
        /** From the later of the fault and the step's start to the rollback: what the hold time bounds. */
        Duration took() {
            return Duration.ofMillis(atMs - Math.max(faultAtMs, stepSinceMs));
        }
    }

    ChaosReport {
        sent = List.copyOf(sent);
        rollbacks = List.copyOf(rollbacks);
        faultPhases = List.copyOf(faultPhases);
    }

    /** What missed a target, each saying what and how many; empty when all were met. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        List<Sent> failedSafe = failedSafeWithMonolithUp();
        if (!failedSafe.isEmpty()) {
            problems.add(failedSafe.size() + " GET requests failed with fallback on and the monolith up, e.g. "
                    + failedSafe.subList(0, Math.min(5, failedSafe.size())));
        }
        List<Sent> lost = sent.stream().filter(s -> !s.answered()).toList();
        if (!lost.isEmpty()) {
            problems.add(lost.size() + " requests got no answer at all, e.g. " + lost.subList(0, Math.min(5, lost.size())));
        }
        for (String phase : faultPhases) {
            List<Rollback> of = rollbacks.stream().filter(r -> r.phase().equals(phase)).toList();
            if (of.isEmpty()) {
                problems.add("the rollout did not roll back the failing function in phase " + phase);
            } else if (of.get(0).took().compareTo(hold) >= 0) {
                problems.add("the rollout rolled back in phase " + phase + " after " + seconds(of.get(0).took())
                        + ", not within the hold time of " + seconds(hold));
            }
        }
        return problems;
    }

    /** GETs that failed while the monolith, their fallback, was up: the first target says there are none. */
    List<Sent> failedSafeWithMonolithUp() {
        return sent.stream().filter(s -> s.method().equals("GET") && !s.ok() && !s.phase().equals(MONOLITH_DOWN)
                && !monolithDown.overlaps(s)).toList();
    }

    /** Requests in flight when a rollback was made (sent before it, answered after it). */
    List<Sent> inFlightAtRollbacks() {
        return sent.stream().filter(s -> rollbacks.stream().anyMatch(r -> s.startMs() <= r.atMs() && r.atMs() <= s.endMs()))
                .toList();
    }

    /** The table of figures per phase and in total, then the rollbacks and the targets, as Markdown-like text. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append("| phase | sent | GET failed | POST failed | answered by fallback | no answer |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        Map<String, List<Sent>> byPhase = new LinkedHashMap<>();
        sent.stream().sorted(java.util.Comparator.comparingLong(Sent::startMs))
                .forEach(s -> byPhase.computeIfAbsent(s.phase(), p -> new ArrayList<>()).add(s));
        byPhase.forEach((phase, list) -> row(out, phase, list));
        row(out, "total", sent);
        out.append("\nrollbacks made by the rollout: ").append(rollbacksInAudit).append(" (audit log)");
        for (Rollback rollback : rollbacks) {
            out.append("\n  ").append(rollback.phase()).append(": rolled back ").append(seconds(rollback.took()))
                    .append(" after the fault (or the step's start, if later)");
        }
        out.append("\nGET failed with the monolith up: ").append(failedSafeWithMonolithUp().size())
                .append("; while it restarted (").append(monolithDown.toMs() - monolithDown.fromMs()).append(" ms): ")
                .append(count(sent, s -> s.method().equals("GET") && !s.ok()) - failedSafeWithMonolithUp().size());
        List<Sent> inFlight = inFlightAtRollbacks();
        out.append("\nrequests in flight at a rollback: ").append(inFlight.size()).append(", without an answer: ")
                .append(inFlight.stream().filter(s -> !s.answered()).count());
        out.append("\nhold time per step: ").append(seconds(hold));
        List<String> problems = problems();
        out.append("\ntargets: ").append(problems.isEmpty() ? "all met" : "MISSED");
        problems.forEach(problem -> out.append("\n  - ").append(problem));
        return out.append('\n').toString();
    }

    private static void row(StringBuilder out, String phase, Collection<Sent> list) {
        out.append("| ").append(phase).append(" | ").append(list.size())
                .append(" | ").append(count(list, s -> s.method().equals("GET") && !s.ok()))
                .append(" | ").append(count(list, s -> s.method().equals("POST") && !s.ok()))
                .append(" | ").append(count(list, s -> s.fallback() != null))
                .append(" | ").append(count(list, s -> !s.answered())).append(" |\n");
    }

    private static long count(Collection<Sent> list, Predicate<Sent> which) {
        return list.stream().filter(which).count();
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
