package dev.strangler.gateway.web;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/** RFC 9457 problem details answers; they never carry stack traces or AWS messages. */
final class Problems {

    static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    /** The problem JSON text. */
    static String json(HttpStatus status, String title, String detail, String routeId, String requestId) {
        return "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status.value()
                + ",\"detail\":" + quote(detail)
                + (routeId == null ? "" : ",\"route\":" + quote(routeId))
                + (requestId == null ? "" : ",\"requestId\":" + quote(requestId)) + "}";
    }

    /** Writes a problem answer to {@code response}. */
    static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String title, String detail,
                            String routeId, String requestId) {
        byte[] body = json(status, title, detail, routeId, requestId).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON);
        headers.setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
