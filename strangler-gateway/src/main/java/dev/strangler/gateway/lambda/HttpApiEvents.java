package dev.strangler.gateway.lambda;

import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps HTTP requests to API Gateway proxy events (HTTP API payload format 2.0, or REST API format 1.0) and function
 * replies back to HTTP responses, as API Gateway does. The events are written by {@link V2Events} and
 * {@link V1Events}, the replies read by {@link FunctionReplies}. Thread-safe.
 */
public final class HttpApiEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
                V1Events.write(json, request);
            } else {
                V2Events.write(json, request);
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
        return FunctionReplies.toResponse(reply, payload, format);
    }
}
