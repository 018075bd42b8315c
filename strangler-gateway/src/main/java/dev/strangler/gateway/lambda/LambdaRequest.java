package dev.strangler.gateway.lambda;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as the gateway hands it to a function. The body array is owned by this record: callers must not
 * change it after construction.
 *
 * @param method upper-case HTTP method
 * @param rawPath the path as received, still percent-encoded
 * @param rawQueryString the query string without '?', or empty
 * @param headers name (lower case) and value pairs in arrival order; a name may repeat
 * @param cookies {@code name=value} pairs from the Cookie header(s)
 * @param body the request body, empty when there is none
 * @param sourceIp the client's address
 * @param requestId the gateway's id for this request
 * @param routeKey the matched route as API Gateway names it, like {@code GET /api/orders/{id}}
 * @param pathParameters parameters captured by the route's template
 * @param timeEpochMillis when the gateway received the request
 * @param protocol like {@code HTTP/1.1}
 * @param domainName the Host the client used
 */
public record LambdaRequest(String method, String rawPath, String rawQueryString, List<Map.Entry<String, String>> headers,
                            List<String> cookies, byte[] body, String sourceIp, String requestId, String routeKey,
                            Map<String, String> pathParameters, long timeEpochMillis, String protocol, String domainName) {
    public LambdaRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQueryString = rawQueryString == null ? "" : rawQueryString;
        headers = List.copyOf(headers);
        cookies = List.copyOf(cookies);
        body = body == null ? new byte[0] : body;
        sourceIp = sourceIp == null ? "" : sourceIp;
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(routeKey, "routeKey");
        pathParameters = Map.copyOf(pathParameters);
        protocol = protocol == null ? "HTTP/1.1" : protocol;
        domainName = domainName == null ? "" : domainName;
    }
}
