package dev.strangler.gateway.web;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/** The messages the raw proxy path writes to a client besides the upstream's body: answer heads and problems. */
final class RawMessages {

    private RawMessages() {
    }

    /**
     * The head of the answer to {@code request}: the upstream's {@code answer} without hop-by-hop headers, with the
     * gateway's {@code requestId}, framed for the client (chunked when the upstream's length is unknown, or the end
     * of the connection for an HTTP/1.0 client) and with {@code Connection: close} when {@code close} or the framing
     * asks for it.
     */
    static HttpResponse answerHead(HttpResponse answer, HttpRequest request, String requestId, boolean close) {
        HttpHeaders headers = new DefaultHttpHeaders(false); // the upstream's were checked as they were decoded
        headers.set(Tracing.REQUEST_ID_HEADER, requestId);
        ProxyHeaders.fromUpstream(answer.headers(), headers);
        int status = answer.status().code();
        boolean bodyless = request.method().equals(HttpMethod.HEAD) || status == 204 || status == 304;
        boolean http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        if (!bodyless && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            if (http10) {
                close = true; // an HTTP/1.0 client learns the end of the body from the connection's
            } else {
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            }
        }
        if (close) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (http10) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return new DefaultHttpResponse(HttpVersion.HTTP_1_1, answer.status(), headers);
    }

    /** The 504 (when {@code timedOut}) or 502 problem for an upstream that did not answer {@code routeId}'s request. */
    static FullHttpResponse upstreamProblem(boolean timedOut, String routeId, String requestId, boolean close) {
        return problem(timedOut ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY,
                timedOut ? "The upstream did not answer in time" : "The upstream could not be reached",
                "Request " + requestId + " on route '" + routeId + "' was not served; retry later or contact the operators.",
                routeId, requestId, close);
    }

    /** A whole problem answer (RFC 9457, see {@link Problems}) of {@code status}, closing the connection if {@code close}. */
    static FullHttpResponse problem(HttpStatus status, String title, String detail, String routeId, String requestId,
                                    boolean close) {
        byte[] body = Problems.json(status, title, detail, routeId, requestId).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status.value()), Unpooled.wrappedBuffer(body));
        answer.headers().set(Tracing.REQUEST_ID_HEADER, requestId).set(HttpHeaderNames.CONTENT_TYPE, Problems.PROBLEM_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (close) {
            answer.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return answer;
    }

    /**
     * Whether a request has a body to stream: not when its headers say none ({@code Content-Length: 0}, or neither
     * {@code Content-Length} nor {@code Transfer-Encoding}, RFC 9112 6.3), as {@link Upstream#hasBody} decides.
     */
    static boolean hasBody(HttpHeaders headers) {
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return headers.contains(HttpHeaderNames.TRANSFER_ENCODING);
    }

    /**
     * Whether a request with {@code method} may be sent again when its connection closed before any answer: the
     * methods RFC 9110 (9.2.2) calls idempotent. Any other may have been acted on already.
     */
    static boolean isIdempotent(HttpMethod method) {
        return switch (method.name()) {
            case "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE" -> true;
            default -> false;
        };
    }
}
