package dev.strangler.gateway.lambda;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Maps a function's successful reply to the HTTP response API Gateway would send for it: a reply in proxy shape field
 * by field, anything else (format 2.0 only) as 200 JSON. Stateless and thread-safe.
 */
final class FunctionReplies {

    private FunctionReplies() {
    }

    /**
     * The response for {@code reply}, the parsed {@code payload} (null when it is not JSON).
     *
     * @throws MalformedReplyException when the reply cannot be mapped
     */
    static LambdaResponse toResponse(JsonNode reply, byte[] payload, String format) {
        if (reply == null || !reply.isObject() || !reply.has("statusCode")) {
            if ("1.0".equals(format)) {
                throw new MalformedReplyException("function reply has no statusCode, which payload format 1.0 requires", null);
            }
            return new LambdaResponse(200, Map.of("content-type", List.of("application/json")), List.of(), payload);
        }
        int status = reply.get("statusCode").asInt(-1);
        if (status < 100 || status > 599) {
            throw new MalformedReplyException("function reply has statusCode " + reply.get("statusCode")
                    + ", which is not an HTTP status", null);
        }
        Map<String, List<String>> headers = headers(reply);
        List<String> cookies = new ArrayList<>();
        JsonNode cookieNode = reply.get("cookies");
        if (cookieNode != null && cookieNode.isArray()) {
            cookieNode.forEach(c -> cookies.add(c.asString()));
        }
        return new LambdaResponse(status, headers, cookies, body(reply));
    }

    private static Map<String, List<String>> headers(JsonNode reply) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        JsonNode single = reply.get("headers");
        if (single != null && single.isObject()) {
            for (Map.Entry<String, JsonNode> header : single.properties()) {
                headers.computeIfAbsent(header.getKey(), k -> new ArrayList<>()).add(header.getValue().asString());
            }
        }
        JsonNode multi = reply.get("multiValueHeaders");
        if (multi != null && multi.isObject()) {
            for (Map.Entry<String, JsonNode> header : multi.properties()) {
                List<String> values = headers.computeIfAbsent(header.getKey(), k -> new ArrayList<>());
                values.clear(); // multiValueHeaders wins over headers for the same name, as in API Gateway
                header.getValue().forEach(v -> values.add(v.asString()));
            }
        }
        return headers;
    }

    private static byte[] body(JsonNode reply) {
        JsonNode bodyNode = reply.get("body");
        String body = bodyNode == null || bodyNode.isNull() ? "" : bodyNode.asString();
        boolean base64 = reply.path("isBase64Encoded").asBoolean(false);
        try {
            return base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedReplyException("function reply says isBase64Encoded but its body is not base64", e);
        }
    }
}
