package dev.strangler.gateway.lambda;

import static dev.strangler.gateway.lambda.EventFields.first;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a request as a REST API proxy event in payload format 1.0, for functions written against it. Stateless and
 * thread-safe.
 */
final class V1Events {

    private V1Events() {
    }

    static void write(JsonGenerator json, LambdaRequest request) {
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
                EventFields.query(request.rawQueryString()), true);
        if (request.pathParameters().isEmpty()) {
            json.writeNullProperty("pathParameters");
        } else {
            EventFields.pathParameters(json, request);
        }
        json.writeNullProperty("stageVariables");
        requestContext(json, request, resource);
        EventFields.body(json, request);
        json.writeEndObject();
    }

    private static void requestContext(JsonGenerator json, LambdaRequest request, String resource) {
        json.writeObjectPropertyStart("requestContext");
        json.writeStringProperty("accountId", "anonymous");
        json.writeStringProperty("apiId", "strangler-gateway");
        json.writeStringProperty("resourcePath", resource);
        json.writeStringProperty("httpMethod", request.method());
        json.writeStringProperty("path", request.rawPath());
        json.writeStringProperty("protocol", request.protocol());
        json.writeStringProperty("requestId", request.requestId());
        json.writeStringProperty("requestTime", EventFields.requestTime(request));
        json.writeNumberProperty("requestTimeEpoch", request.timeEpochMillis());
        json.writeStringProperty("stage", "$default");
        json.writeObjectPropertyStart("identity");
        json.writeStringProperty("sourceIp", request.sourceIp());
        json.writeStringProperty("userAgent", first(request.headers(), "user-agent"));
        json.writeEndObject();
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
}
