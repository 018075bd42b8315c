package dev.strangler.gateway.dashboard;

import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders a {@link DashboardView} as the JSON the dashboard page reads. Stateless. */
public final class DashboardJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DashboardJson() {
    }

    /** The view as a JSON document; absent values are {@code null}, rates are rounded to 3 decimals. */
    public static String render(DashboardView view) {
        ObjectNode root = JSON.createObjectNode();
        root.put("at", view.at().toString());
        root.put("store", view.store());
        root.put("refusal", view.refusal());
        root.put("windowSeconds", round(view.windowSeconds()));
        progress(root.putObject("progress"), view.progress());
        side(root.putObject("unmatched"), view.unmatched());
        ArrayNode routes = root.putArray("routes");
        view.routes().forEach(row -> route(routes.addObject(), row));
        return JSON.writeValueAsString(root);
    }

    private static void route(ObjectNode node, RouteRow row) {
        node.put("id", row.id());
        row.paths().forEach(node.putArray("paths")::add);
        node.put("target", row.target());
        node.put("side", row.side());
        node.put("weight", row.weight());
        node.put("version", String.valueOf(row.version())); // a route file's versions are fingerprints past 2^53
        node.put("fallback", row.fallback());
        rollout(node, row.rollout());
        ObjectNode live = node.putObject("live");
        side(live.putObject("monolith"), row.live().monolith());
        side(live.putObject("target"), row.live().target());
        ObjectNode totals = node.putObject("totals");
        new TreeMap<>(row.totals()).forEach(totals::put);
        shadow(node.putObject("shadow"), row.shadow());
        if (row.breaker() == null) {
            node.putNull("breaker");
        } else {
            ObjectNode breaker = node.putObject("breaker");
            breaker.put("target", row.breaker().target());
            breaker.put("state", row.breaker().state());
            breaker.put("failureRate", row.breaker().failureRate());
            breaker.put("healthy", row.breaker().healthy());
            breaker.put("out", row.breaker().isOut());
        }
    }

    private static void rollout(ObjectNode parent, RolloutSummary rollout) {
        if (rollout == null) {
            parent.putNull("rollout");
            return;
        }
        ObjectNode node = parent.putObject("rollout");
        node.put("status", rollout.status());
        node.put("step", rollout.step());
        node.put("stepLabel", rollout.steps().get(rollout.step()));
        rollout.steps().forEach(node.putArray("steps")::add);
        node.put("paused", rollout.paused());
        node.put("aborted", rollout.isAborted());
        node.put("lastDecision", rollout.lastDecision());
    }

    private static void shadow(ObjectNode node, ShadowSummary shadow) {
        node.put("percent", shadow.percent());
        node.put("matchRate", shadow.matchRate() == null ? null : round(shadow.matchRate()));
        node.put("compared", shadow.compared());
        ArrayNode recent = node.putArray("recentDifferences");
        for (ShadowSummary.Difference d : shadow.recent()) {
            ObjectNode item = recent.addObject();
            item.put("method", d.method());
            item.put("path", d.path());
            item.put("monolithStatus", d.monolithStatus());
            item.put("targetStatus", d.targetStatus());
            d.differences().forEach(item.putArray("differences")::add);
        }
    }

    private static void side(ObjectNode node, SideRates side) {
        node.put("requests", side.requests());
        node.put("errors", side.errors());
        node.put("perSecond", round(side.perSecond()));
        node.put("errorRate", side.errorRate() == null ? null : round(side.errorRate()));
        node.put("p50Ms", side.p50Millis() == null ? null : round(side.p50Millis()));
        node.put("p99Ms", side.p99Millis() == null ? null : round(side.p99Millis()));
    }

    private static void progress(ObjectNode node, Progress progress) {
        node.put("routes", progress.routes());
        node.put("onTargets", progress.onTargets());
        node.put("promoted", progress.promoted());
        node.put("targetShare", progress.targetShare() == null ? null : round(progress.targetShare()));
        node.put("targetShareSinceStart", progress.targetShareSinceStart() == null ? null
                : round(progress.targetShareSinceStart()));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
