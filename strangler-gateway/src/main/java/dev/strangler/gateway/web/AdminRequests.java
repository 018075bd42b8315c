package dev.strangler.gateway.web;

import dev.strangler.gateway.routefile.RouteEdit;
import dev.strangler.gateway.routing.Route;
import dev.strangler.gateway.routing.RouteTarget;
import dev.strangler.gateway.routing.Shadow;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import reactor.netty.http.server.HttpServerRequest;
import tools.jackson.databind.JsonNode;

/** What an admin API request asks for, read from its JSON body and headers; a malformed one is an IllegalArgumentException. */
final class AdminRequests {
    /** Why a change is made, kept in the audit. */
    static final String REASON_HEADER = "X-Strangler-Reason";

    private AdminRequests() {
    }

    static Shadow shadow(JsonNode body, Shadow current) {
        JsonNode percent = body.get("percent");
        if (!percent.isIntegralNumber() || !percent.canConvertToInt()) {
            throw new IllegalArgumentException("shadow percent must be a whole number 0-100, but was " + percent);
        }
        boolean unsafe = current.unsafeMethods();
        if (body.has("unsafeMethods")) {
            if (!body.get("unsafeMethods").isBoolean()) {
                throw new IllegalArgumentException("unsafeMethods must be true or false, but was " + body.get("unsafeMethods"));
            }
            unsafe = body.get("unsafeMethods").asBoolean();
        }
        Set<String> ignored = current.ignoreHeaders();
        if (body.has("ignoreHeaders")) {
            JsonNode names = body.get("ignoreHeaders");
            if (!names.isArray()) {
                throw new IllegalArgumentException("ignoreHeaders must be a list of header names, but was " + names);
            }
            ignored = new HashSet<>();
            for (JsonNode name : names) {
                if (!name.isString()) {
                    throw new IllegalArgumentException("ignoreHeaders must hold header names as strings, but held " + name);
                }
                ignored.add(name.asString());
            }
        }
        return new Shadow(percent.asInt(), unsafe, ignored, current.ignoreBodyPaths(), current.noiseSamplePercent());
    }

    /** The edit asked for: the expected version from {@code If-Match} or the body, the reason from a header or the body. */
    static RouteEdit edit(HttpServerRequest request, JsonNode body, String id, String actor, String action,
                                  UnaryOperator<Route> change) {
        Long expected = ExpectedVersion.of(request.requestHeaders().get("If-Match"), body);
        String reason = request.requestHeaders().get(REASON_HEADER);
        if (body != null && body.isObject() && body.has("reason") && body.get("reason").isString()) {
            reason = body.get("reason").asString();
        }
        return new RouteEdit(id, actor, action, reason, expected, change);
    }

    static RouteTarget target(JsonNode node) {
        if (node.isString() && node.asString().equals("monolith")) {
            return new RouteTarget.Monolith();
        }
        if (node.isObject() && node.has("lambda")) {
            return new RouteTarget.LambdaFunction(node.get("lambda").asString(),
                    node.has("qualifier") ? node.get("qualifier").asString() : null,
                    node.has("payloadFormat") ? node.get("payloadFormat").asString() : null);
        }
        if (node.isObject() && node.has("url")) {
            return new RouteTarget.HttpService(URI.create(node.get("url").asString()));
        }
        throw new IllegalArgumentException("target must be \"monolith\", {\"lambda\": \"<function>\"} or {\"url\": \"http://...\"},"
                + " but was " + node);
    }
}
