package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawMessagesTest {

    @Test
    void answers_an_upstream_body_of_unknown_length_chunked_to_http_1_1_and_by_closing_to_http_1_0() {
        HttpResponse unknownLength = answer(200, "Transfer-Encoding", "chunked");

        HttpHeaders toNew = RawMessages.answerHead(unknownLength, request(HttpVersion.HTTP_1_1, HttpMethod.GET), "id-1", false).headers();
        HttpHeaders toOld = RawMessages.answerHead(unknownLength, request(HttpVersion.HTTP_1_0, HttpMethod.GET), "id-1", false).headers();

        assertThat(toNew.get("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(toNew.contains("Connection")).isFalse();
        assertThat(toOld.contains("Transfer-Encoding")).isFalse();
        assertThat(toOld.get("Connection")).isEqualTo("close");
    }

    @Test
    void keeps_the_length_and_keeps_an_http_1_0_client_alive_when_it_can() {
        HttpResponse known = answer(200, "Content-Length", "38");

        HttpHeaders toOld = RawMessages.answerHead(known, request(HttpVersion.HTTP_1_0, HttpMethod.GET), "id-1", false).headers();
        HttpHeaders closing = RawMessages.answerHead(known, request(HttpVersion.HTTP_1_1, HttpMethod.GET), "id-1", true).headers();

        assertThat(toOld.get("Content-Length")).isEqualTo("38");
        assertThat(toOld.get("Connection")).isEqualTo("keep-alive");
        assertThat(closing.get("Connection")).isEqualTo("close");
        assertThat(closing.get("X-Request-Id")).isEqualTo("id-1");
    }

    @Test
    void frames_no_body_for_head_204_and_304() {
        HttpHeaders head = RawMessages.answerHead(answer(200), request(HttpVersion.HTTP_1_1, HttpMethod.HEAD), "i", false).headers();
        HttpHeaders noContent = RawMessages.answerHead(answer(204), request(HttpVersion.HTTP_1_1, HttpMethod.GET), "i", false).headers();
        HttpHeaders notModified = RawMessages.answerHead(answer(304), request(HttpVersion.HTTP_1_1, HttpMethod.GET), "i", false).headers();

        assertThat(head.contains("Transfer-Encoding")).isFalse();
        assertThat(noContent.contains("Transfer-Encoding")).isFalse();
        assertThat(notModified.contains("Transfer-Encoding")).isFalse();
    }

    @Test
    void answers_a_silent_upstream_504_and_an_unreachable_one_502_with_a_problem_naming_the_route() {
        FullHttpResponse silent = RawMessages.upstreamProblem(true, "orders", "id-7", false);
        FullHttpResponse unreachable = RawMessages.upstreamProblem(false, "orders", "id-7", true);

        String body = silent.content().toString(StandardCharsets.UTF_8);
        assertThat(silent.status().code()).isEqualTo(504);
        assertThat(body).contains("\"route\":\"orders\"").contains("\"requestId\":\"id-7\"").contains("did not answer in time");
        assertThat(silent.headers().getInt("Content-Length")).isEqualTo(silent.content().readableBytes());
        assertThat(silent.headers().get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(unreachable.status().code()).isEqualTo(502);
        assertThat(unreachable.headers().get("Connection")).isEqualTo("close");
        silent.release();
        unreachable.release();
    }

    @Test
    void tells_a_body_from_its_headers() {
        assertThat(RawMessages.hasBody(headers("Content-Length", "0"))).isFalse();
        assertThat(RawMessages.hasBody(headers("Content-Length", "12"))).isTrue();
        assertThat(RawMessages.hasBody(headers("Transfer-Encoding", "chunked"))).isTrue();
        assertThat(RawMessages.hasBody(headers())).isFalse();
    }

    @Test
    void sends_again_only_a_method_that_may_be_repeated() {
        for (HttpMethod method : new HttpMethod[]{HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
                HttpMethod.TRACE, HttpMethod.PUT, HttpMethod.DELETE}) {
            assertThat(RawMessages.isIdempotent(method)).as(method.name()).isTrue();
        }
        for (HttpMethod method : new HttpMethod[]{HttpMethod.POST, HttpMethod.PATCH, HttpMethod.CONNECT,
                HttpMethod.valueOf("LOCK")}) {
            assertThat(RawMessages.isIdempotent(method)).as(method.name()).isFalse();
        }
    }

    private static HttpRequest request(HttpVersion version, HttpMethod method) {
        return new DefaultHttpRequest(version, method, "/a");
    }

    private static HttpResponse answer(int status, String... headers) {
        return new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), headers(headers));
    }

    private static HttpHeaders headers(String... namesAndValues) {
        HttpHeaders headers = new DefaultHttpHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
