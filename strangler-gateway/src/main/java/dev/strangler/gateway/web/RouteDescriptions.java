package dev.strangler.gateway.web;

import dev.strangler.gateway.routefile.VersionedRoute;
import dev.strangler.gateway.routing.Route;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A route as the admin API shows it: its definition, and the shadow comparison's results. Stateless. */
final class RouteDescriptions {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RouteDescriptions() {
    }

    static ObjectNode describe(VersionedRoute versioned) {
        ObjectNode node = describe(versioned.route());
        node.put("version", versioned.version());
        return node;
    }

    static ObjectNode describe(Route route) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", route.id());
        ArrayNode paths = node.putArray("paths");
        route.paths().forEach(p -> paths.add(p.pattern()));
        ArrayNode methods = node.putArray("methods");
        route.methods().stream().sorted().forEach(methods::add);
        node.put("target", route.target().describe());
        node.put("invocation", route.invocation().label());
        node.put("weight", route.weight());
        node.put("stickyBy", route.stickyBy() == null ? null : route.stickyBy().toString());
        node.put("testerHeader", route.testerHeader());
        node.put("fallback", route.fallback());
        ObjectNode shadow = node.putObject("shadow");
        shadow.put("percent", route.shadow().percent());
        shadow.put("unsafeMethods", route.shadow().unsafeMethods());
        ArrayNode ignored = shadow.putArray("ignoreHeaders");
        route.shadow().ignoreHeaders().stream().sorted().forEach(ignored::add);
        ArrayNode bodyPaths = shadow.putArray("ignoreBodyPaths");
        route.shadow().ignoreBodyPaths().forEach(p -> bodyPaths.add(p.text()));
        shadow.put("noiseSamplePercent", route.shadow().noiseSamplePercent());
        return node;
    }

    /** The match rate (matches of compared copies, null before any) and the ring of recent differences. */
    static void shadowResults(ObjectNode shadow, ObjectNode figures, List<ShadowDifference> recent) {
        long matches = figures.path("shadowMatches").asLong();
        long compared = matches + figures.path("shadowMismatches").asLong();
        if (compared == 0) {
            shadow.putNull("matchRate");
        } else {
            shadow.put("matchRate", Math.round(matches * 1000.0 / compared) / 1000.0);
        }
        ArrayNode ring = shadow.putArray("recentDifferences");
        for (ShadowDifference d : recent) {
            ObjectNode node = ring.addObject();
            node.put("method", d.method());
            node.put("path", d.path());
            node.put("monolithStatus", d.monolithStatus());
            node.put("targetStatus", d.targetStatus());
            d.differences().forEach(node.putArray("differences")::add);
            d.noise().forEach(node.putArray("noise")::add);
            node.put("note", d.note());
            node.put("monolithBody", d.monolithBody());
            node.put("targetBody", d.targetBody());
        }
    }
}
