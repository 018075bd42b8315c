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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * The parts of a request event that payload formats 1.0 ({@link V1Events}) and 2.0 ({@link V2Events}) write alike:
 * the body (text or base64), the path parameters, the parsed query string, the request time and header look-ups.
 * Stateless and thread-safe.
 */
final class EventFields {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private EventFields() {
    }

    /** When the gateway received the request, as API Gateway writes it, like {@code 07/Dec/2026:05:00:00 +0000}. */
    static String requestTime(LambdaRequest request) {
        return REQUEST_TIME.format(Instant.ofEpochMilli(request.timeEpochMillis()));
    }

    /** Writes {@code pathParameters} when the route captured any; writes nothing otherwise. */
    static void pathParameters(JsonGenerator json, LambdaRequest request) {
        if (!request.pathParameters().isEmpty()) {
            json.writeObjectPropertyStart("pathParameters");
            for (Map.Entry<String, String> parameter : request.pathParameters().entrySet()) {
                json.writeStringProperty(parameter.getKey(), parameter.getValue());
            }
            json.writeEndObject();
        }
    }

    /** Writes {@code body} and {@code isBase64Encoded}: text when the content type is textual and valid UTF-8. */
    static void body(JsonGenerator json, LambdaRequest request) {
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

    /** The query's parameters, decoded, each with its values in order of appearance. */
    static Map<String, List<String>> query(String rawQuery) {
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

    /** The first value of header {@code name}, or empty. */
    static String first(List<Map.Entry<String, String>> headers, String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equals(name)) {
                return header.getValue();
            }
        }
        return "";
    }
}
