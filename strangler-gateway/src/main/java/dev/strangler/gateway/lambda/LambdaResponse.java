package dev.strangler.gateway.lambda;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP response a function's reply maps to. The body array is owned by this record.
 *
 * @param status HTTP status code
 * @param headers header name to values, in the function's order
 * @param cookies one {@code Set-Cookie} value each
 * @param body decoded body bytes
 */
public record LambdaResponse(int status, Map<String, List<String>> headers, List<String> cookies, byte[] body) {
    public LambdaResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("statusCode must be between 100 and 599, but was " + status);
        }
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        cookies = List.copyOf(Objects.requireNonNull(cookies, "cookies"));
        Objects.requireNonNull(body, "body");
    }
}
