package dev.strangler.gateway.lambda;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps HTTP requests to API Gateway proxy events (HTTP API payload format 2.0, or REST API format 1.0) and function
 * replies back to HTTP responses, as API Gateway does. Thread-safe.
 */
public final class HttpApiEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    /** The event for {@code request} in payload format {@code format} ("2.0" or "1.0"), as JSON bytes. */
    public static byte[] toEvent(LambdaRequest request, String format) {
        return JSON.writeValueAsBytes("1.0".equals(format) ? v1(request) : v2(request));
    }

    /**
     * The HTTP response for a function's successful reply. A reply in proxy shape (an object with {@code statusCode})
     * maps field by field; for format 2.0 anything else is returned as 200 JSON, as API Gateway does, while format 1.0
     * requires the proxy shape.
     */
    public static LambdaResponse toResponse(byte[] payload, String format) {
        JsonNode reply;
        try {
            reply = JSON.readTree(payload);
        } catch (RuntimeException e) {
            reply = null;
        }
        if (reply == null || !reply.isObject() || !reply.has("statusCode")) {
            if ("1.0".equals(format)) {
                throw new InvocationException(InvocationException.Kind.FAILED,
                        "function reply has no statusCode, which payload format 1.0 requires", null, null);
            }
            return new LambdaResponse(200, Map.of("content-type", List.of("application/json")), List.of(), payload);
        }
        int status = reply.get("statusCode").asInt(-1);
        if (status < 100 || status > 599) {
            throw new InvocationException(InvocationException.Kind.FAILED,
                    "function reply has statusCode " + reply.get("statusCode") + ", which is not an HTTP status", null, null);
        }
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
        List<String> cookies = new ArrayList<>();
        JsonNode cookieNode = reply.get("cookies");
        if (cookieNode != null && cookieNode.isArray()) {
            cookieNode.forEach(c -> cookies.add(c.asString()));
        }
        JsonNode bodyNode = reply.get("body");
        String body = bodyNode == null || bodyNode.isNull() ? "" : bodyNode.asString();
        boolean base64 = reply.path("isBase64Encoded").asBoolean(false);
        byte[] bytes;
        try {
            bytes = base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvocationException(InvocationException.Kind.FAILED,
                    "function reply says isBase64Encoded but its body is not base64", null, e);
        }
        return new LambdaResponse(status, headers, cookies, bytes);
    }

    private static ObjectNode v2(LambdaRequest request) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", request.routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQueryString());
        if (!request.cookies().isEmpty()) {
            ArrayNode cookies = event.putArray("cookies");
            request.cookies().forEach(cookies::add);
        }
        ObjectNode headers = event.putObject("headers");
        joined(request.headers()).forEach(headers::put);
        Map<String, List<String>> query = query(request.rawQueryString());
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach((name, values) -> parameters.put(name, String.join(",", values)));
        }
        if (!request.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            request.pathParameters().forEach(parameters::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "anonymous");
        context.put("apiId", "strangler-gateway");
        context.put("domainName", request.domainName());
        context.put("domainPrefix", request.domainName().split("\\.", 2)[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", first(request.headers(), "user-agent"));
        context.put("requestId", request.requestId());
        context.put("routeKey", request.routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(Instant.ofEpochMilli(request.timeEpochMillis())));
        context.put("timeEpoch", request.timeEpochMillis());
        body(event, request);
        return event;
    }

    private static ObjectNode v1(LambdaRequest request) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "1.0");
        event.put("resource", request.routeKey().substring(request.routeKey().indexOf(' ') + 1));
        event.put("path", request.rawPath());
        event.put("httpMethod", request.method());
        ObjectNode headers = event.putObject("headers");
        ObjectNode multiHeaders = event.putObject("multiValueHeaders");
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        request.headers().forEach(h -> grouped.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
        grouped.forEach((name, values) -> {
            headers.put(name, values.get(values.size() - 1));
            ArrayNode array = multiHeaders.putArray(name);
            values.forEach(array::add);
        });
        Map<String, List<String>> query = query(request.rawQueryString());
        if (query.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode parameters = event.putObject("queryStringParameters");
            ObjectNode multi = event.putObject("multiValueQueryStringParameters");
            query.forEach((name, values) -> {
                parameters.put(name, values.get(values.size() - 1));
                ArrayNode array = multi.putArray(name);
                values.forEach(array::add);
            });
        }
        if (request.pathParameters().isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode parameters = event.putObject("pathParameters");
            request.pathParameters().forEach(parameters::put);
        }
        event.putNull("stageVariables");
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "anonymous");
        context.put("apiId", "strangler-gateway");
        context.put("resourcePath", event.get("resource").asString());
        context.put("httpMethod", request.method());
        context.put("path", request.rawPath());
        context.put("protocol", request.protocol());
        context.put("requestId", request.requestId());
        context.put("requestTime", REQUEST_TIME.format(Instant.ofEpochMilli(request.timeEpochMillis())));
        context.put("requestTimeEpoch", request.timeEpochMillis());
        context.put("stage", "$default");
        ObjectNode identity = context.putObject("identity");
        identity.put("sourceIp", request.sourceIp());
        identity.put("userAgent", first(request.headers(), "user-agent"));
        body(event, request);
        return event;
    }

    private static void body(ObjectNode event, LambdaRequest request) {
        byte[] body = request.body();
        if (body.length == 0) {
            event.putNull("body");
            event.put("isBase64Encoded", false);
            return;
        }
        String text = isTextual(first(request.headers(), "content-type")) ? utf8(body) : null;
        if (text != null) {
            event.put("body", text);
            event.put("isBase64Encoded", false);
        } else {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
        }
    }

    /** Whether a body of this content type travels as text; everything else is base64, as API Gateway does. */
    static boolean isTextual(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.startsWith("application/json") || type.contains("+json")
                || type.startsWith("application/xml") || type.contains("+xml")
                || type.startsWith("application/x-www-form-urlencoded") || type.startsWith("application/javascript");
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Map<String, String> joined(List<Map.Entry<String, String>> headers) {
        Map<String, String> joined = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            joined.merge(header.getKey(), header.getValue(), (a, b) -> a + "," + b);
        }
        return joined;
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a malformed escape is passed on as sent
        }
    }

    private static String first(List<Map.Entry<String, String>> headers, String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equals(name)) {
                return header.getValue();
            }
        }
        return "";
    }
}
