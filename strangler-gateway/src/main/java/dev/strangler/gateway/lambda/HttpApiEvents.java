package dev.strangler.gateway.lambda;

import java.io.ByteArrayOutputStream;
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
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    /**
     * The event for {@code request} in payload format {@code format} ("2.0" or "1.0"), as JSON bytes, written field
     * by field (no tree in between: this runs on the event loop for every request to a function).
     */
    public static byte[] toEvent(LambdaRequest request, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + request.body().length * 4 / 3);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            if ("1.0".equals(format)) {
                v1(json, request);
            } else {
                v2(json, request);
            }
        }
        return out.toByteArray();
    }

    /**
     * The HTTP response for a function's successful reply. A reply in proxy shape (an object with {@code statusCode})
     * maps field by field; for format 2.0 anything else is returned as 200 JSON, as API Gateway does, while format 1.0
     * requires the proxy shape.
     *
     * @throws MalformedReplyException when the reply cannot be mapped
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
                throw new MalformedReplyException("function reply has no statusCode, which payload format 1.0 requires", null);
            }
            return new LambdaResponse(200, Map.of("content-type", List.of("application/json")), List.of(), payload);
        }
        int status = reply.get("statusCode").asInt(-1);
        if (status < 100 || status > 599) {
            throw new MalformedReplyException("function reply has statusCode " + reply.get("statusCode")
                    + ", which is not an HTTP status", null);
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
            throw new MalformedReplyException("function reply says isBase64Encoded but its body is not base64", e);
        }
        return new LambdaResponse(status, headers, cookies, bytes);
    }

    private static void v2(JsonGenerator json, LambdaRequest request) {
        json.writeStartObject();
        json.writeStringProperty("version", "2.0");
        json.writeStringProperty("routeKey", request.routeKey());
        json.writeStringProperty("rawPath", request.rawPath());
        json.writeStringProperty("rawQueryString", request.rawQueryString());
        if (!request.cookies().isEmpty()) {
            json.writeArrayPropertyStart("cookies");
            for (String cookie : request.cookies()) {
                json.writeString(cookie);
            }
            json.writeEndArray();
        }
        json.writeObjectPropertyStart("headers");
        for (Map.Entry<String, String> header : joined(request.headers()).entrySet()) {
            json.writeStringProperty(header.getKey(), header.getValue());
        }
        json.writeEndObject();
        Map<String, List<String>> query = query(request.rawQueryString());
        if (!query.isEmpty()) {
            json.writeObjectPropertyStart("queryStringParameters");
            for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
                json.writeStringProperty(parameter.getKey(), String.join(",", parameter.getValue()));
            }
            json.writeEndObject();
        }
        pathParameters(json, request);
        json.writeObjectPropertyStart("requestContext");
        json.writeStringProperty("accountId", "anonymous");
        json.writeStringProperty("apiId", "strangler-gateway");
        json.writeStringProperty("domainName", request.domainName());
        int dot = request.domainName().indexOf('.');
        json.writeStringProperty("domainPrefix", dot < 0 ? request.domainName() : request.domainName().substring(0, dot));
        json.writeObjectPropertyStart("http");
        json.writeStringProperty("method", request.method());
        json.writeStringProperty("path", request.rawPath());
        json.writeStringProperty("protocol", request.protocol());
        json.writeStringProperty("sourceIp", request.sourceIp());
        json.writeStringProperty("userAgent", first(request.headers(), "user-agent"));
        json.writeEndObject();
        json.writeStringProperty("requestId", request.requestId());
        json.writeStringProperty("routeKey", request.routeKey());
        json.writeStringProperty("stage", "$default");
        json.writeStringProperty("time", REQUEST_TIME.format(Instant.ofEpochMilli(request.timeEpochMillis())));
        json.writeNumberProperty("timeEpoch", request.timeEpochMillis());
        json.writeEndObject();
        body(json, request);
        json.writeEndObject();
    }

    private static void v1(JsonGenerator json, LambdaRequest request) {
        String resource = request.routeKey().substring(request.routeKey().indexOf(' ') + 1);
        json.writeStartObject();
        json.writeStringProperty("version", "1.0");
        json.writeStringProperty("resource", resource);
        json.writeStringProperty("path", request.rawPath());
        json.writeStringProperty("httpMethod", request.method());
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        request.headers().forEach(h -> grouped.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
        singleAndMultiValue(json, "headers", "multiValueHeaders", grouped, false);
        singleAndMultiValue(json, "queryStringParameters", "multiValueQueryStringParameters",
                query(request.rawQueryString()), true);
        if (request.pathParameters().isEmpty()) {
            json.writeNullProperty("pathParameters");
        } else {
            pathParameters(json, request);
        }
        json.writeNullProperty("stageVariables");
        json.writeObjectPropertyStart("requestContext");
        json.writeStringProperty("accountId", "anonymous");
        json.writeStringProperty("apiId", "strangler-gateway");
        json.writeStringProperty("resourcePath", resource);
        json.writeStringProperty("httpMethod", request.method());
        json.writeStringProperty("path", request.rawPath());
        json.writeStringProperty("protocol", request.protocol());
        json.writeStringProperty("requestId", request.requestId());
        json.writeStringProperty("requestTime", REQUEST_TIME.format(Instant.ofEpochMilli(request.timeEpochMillis())));
        json.writeNumberProperty("requestTimeEpoch", request.timeEpochMillis());
        json.writeStringProperty("stage", "$default");
        json.writeObjectPropertyStart("identity");
        json.writeStringProperty("sourceIp", request.sourceIp());
        json.writeStringProperty("userAgent", first(request.headers(), "user-agent"));
        json.writeEndObject();
        json.writeEndObject();
        body(json, request);
        json.writeEndObject();
    }

    /**
     * Format 1.0's pair of maps: the last value of each name under {@code single}, all of them under {@code multi};
     * with no values, both null if {@code nullWhenEmpty}, else both empty.
     */
    private static void singleAndMultiValue(JsonGenerator json, String single, String multi,
                                            Map<String, List<String>> values, boolean nullWhenEmpty) {
        if (values.isEmpty() && nullWhenEmpty) {
            json.writeNullProperty(single);
            json.writeNullProperty(multi);
            return;
        }
        json.writeObjectPropertyStart(single);
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            json.writeStringProperty(entry.getKey(), entry.getValue().get(entry.getValue().size() - 1));
        }
        json.writeEndObject();
        json.writeObjectPropertyStart(multi);
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            json.writeArrayPropertyStart(entry.getKey());
            for (String value : entry.getValue()) {
                json.writeString(value);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void pathParameters(JsonGenerator json, LambdaRequest request) {
        if (!request.pathParameters().isEmpty()) {
            json.writeObjectPropertyStart("pathParameters");
            for (Map.Entry<String, String> parameter : request.pathParameters().entrySet()) {
                json.writeStringProperty(parameter.getKey(), parameter.getValue());
            }
            json.writeEndObject();
        }
    }

    private static void body(JsonGenerator json, LambdaRequest request) {
        byte[] body = request.body();
        if (body.length == 0) {
            json.writeNullProperty("body");
            json.writeBooleanProperty("isBase64Encoded", false);
            return;
        }
        String text = isTextual(first(request.headers(), "content-type")) ? utf8(body) : null;
        if (text != null) {
            json.writeStringProperty("body", text);
            json.writeBooleanProperty("isBase64Encoded", false);
        } else {
            // Jackson's default base64 is the standard alphabet with padding and no line breaks, as API Gateway sends
            json.writeBinaryProperty("body", body);
            json.writeBooleanProperty("isBase64Encoded", true);
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
