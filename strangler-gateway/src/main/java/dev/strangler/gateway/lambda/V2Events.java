package dev.strangler.gateway.lambda;

import static dev.strangler.gateway.lambda.EventFields.first;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** Writes a request as an HTTP API event in payload format 2.0, the gateway's default. Stateless and thread-safe. */
final class V2Events {

    private V2Events() {
    }

    static void write(JsonGenerator json, LambdaRequest request) {
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
        queryStringParameters(json, request);
        EventFields.pathParameters(json, request);
        requestContext(json, request);
        EventFields.body(json, request);
        json.writeEndObject();
    }

    /** Writes {@code queryStringParameters}, a repeated parameter's values joined by commas; nothing for no query. */
    private static void queryStringParameters(JsonGenerator json, LambdaRequest request) {
        Map<String, List<String>> query = EventFields.query(request.rawQueryString());
        if (!query.isEmpty()) {
            json.writeObjectPropertyStart("queryStringParameters");
            for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
                json.writeStringProperty(parameter.getKey(), String.join(",", parameter.getValue()));
            }
            json.writeEndObject();
        }
    }

    private static void requestContext(JsonGenerator json, LambdaRequest request) {
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
        json.writeStringProperty("time", EventFields.requestTime(request));
        json.writeNumberProperty("timeEpoch", request.timeEpochMillis());
        json.writeEndObject();
    }

    /** Format 2.0's headers: a repeated header's values joined by commas. */
    private static Map<String, String> joined(List<Map.Entry<String, String>> headers) {
        Map<String, String> joined = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            joined.merge(header.getKey(), header.getValue(), (a, b) -> a + "," + b);
        }
        return joined;
    }
}
