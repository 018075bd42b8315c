package dev.strangler.gateway.web;

import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * One request on the direct proxy path, from its decision to its answer: what the access log and the metrics need
 * when it ends. Confined to the event loop serving it.
 */
final class ProxiedRequest {

    final HttpServerRequest request;
    final HttpServerResponse response;
    final RouteDecision decision;
    final String requestId;
    final String traceparent;
    final long start;
    /** The status sent, or to be sent; 200 until an answer set one (as for a WebFlux exchange). */
    int status = 200;
    /** The kind of failure the monolith answered for, or null. */
    String fallback;

    ProxiedRequest(HttpServerRequest request, HttpServerResponse response, RouteDecision decision, String requestId,
                   String traceparent, long start) {
        this.request = request;
        this.response = response;
        this.decision = decision;
        this.requestId = requestId;
        this.traceparent = traceparent;
        this.start = start;
    }

    String method() {
        return request.method().name();
    }
}
