package dev.strangler.extraction.it;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** An API Gateway HTTP API (payload 2.0) event, shaped as the strangler gateway sends it. */
final class HttpApiEvent {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpApiEvent() {
    }

    static String json(String method, String path, String query, String body) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", query);
        ObjectNode headers = event.putObject("headers");
        headers.put("accept", "application/json");
        headers.put("host", "127.0.0.1");
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "anonymous");
        context.put("apiId", "strangler-gateway");
        context.put("domainName", "127.0.0.1");
        context.put("domainPrefix", "127");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", "extract-it");
        context.put("requestId", "extract-it");
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", "07/Dec/2026:00:00:00 +0000");
        context.put("timeEpoch", 0L);
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return JSON.writeValueAsString(event);
    }
}
