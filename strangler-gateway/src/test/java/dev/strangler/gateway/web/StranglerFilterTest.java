package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class StranglerFilterTest {

    @Test
    void a_body_is_skipped_only_when_the_headers_rule_one_out() {
        MockServerHttpRequest empty = MockServerHttpRequest.post("/x").header("Content-Length", "0").build();
        MockServerHttpRequest sized = MockServerHttpRequest.post("/x").header("Content-Length", "5").build();
        MockServerHttpRequest chunked = MockServerHttpRequest.post("/x").header("Transfer-Encoding", "chunked").build();
        // not a Reactor Netty HTTP/1.x request, so the absence of both headers does not prove there is no body (HTTP/2 frames one)
        MockServerHttpRequest unknown = MockServerHttpRequest.get("/x").build();

        assertThat(StranglerFilter.hasNoBody(empty, empty.getHeaders().getContentLength())).isTrue();
        assertThat(StranglerFilter.hasNoBody(sized, sized.getHeaders().getContentLength())).isFalse();
        assertThat(StranglerFilter.hasNoBody(chunked, chunked.getHeaders().getContentLength())).isFalse();
        assertThat(StranglerFilter.hasNoBody(unknown, unknown.getHeaders().getContentLength())).isFalse();
    }
}
