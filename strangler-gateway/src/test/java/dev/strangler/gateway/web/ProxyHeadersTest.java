package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The direct path's header copies, on values: what goes upstream and what comes back. */
class ProxyHeadersTest {

    private static final Pattern LOOPBACK = Pattern.compile("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
    private static final ProxyHeaders.Client TRUSTED = new ProxyHeaders.Client(
            new InetSocketAddress("127.0.0.1", 50123), "http", "gateway.example:8000", 8000);
    private static final ProxyHeaders.Client UNTRUSTED = new ProxyHeaders.Client(
            new InetSocketAddress("10.1.2.3", 50123), "http", "gateway.example", 80);

    @Test
    void drops_hop_by_hop_headers_and_those_named_in_connection_and_keeps_repeated_ones() {
        HttpHeaders in = new DefaultHttpHeaders().add("Connection", "keep-alive, X-Secret").add("X-Secret", "s")
                .add("Keep-Alive", "timeout=5").add("Transfer-Encoding", "chunked").add("Upgrade", "h2c")
                .add("Host", "gateway.example:8000").add("Accept", "a").add("Accept", "b");

        HttpHeaders out = ProxyHeaders.toUpstream(in, TRUSTED, LOOPBACK, "req-1", "00-trace-span-01");

        assertThat(out.names()).doesNotContain("Connection", "X-Secret", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Host");
        assertThat(out.getAll("Accept")).containsExactly("a", "b");
    }

    @Test
    void appends_to_forwarding_headers_of_a_trusted_client_and_writes_its_own_forwarded_element() {
        HttpHeaders in = new DefaultHttpHeaders().add("Host", "gateway.example:8000").add("X-Forwarded-For", "127.0.0.1")
                .add("X-Forwarded-For", "10.9.9.9").add("X-Forwarded-Proto", "https")
                .add("Forwarded", "for=127.0.0.1;proto=https, for=10.9.9.9");

        HttpHeaders out = ProxyHeaders.toUpstream(in, TRUSTED, LOOPBACK, "req-1", "00-trace-span-01");

        assertThat(out.get("X-Forwarded-For")).isEqualTo("127.0.0.1,127.0.0.1");
        assertThat(out.get("X-Forwarded-Proto")).isEqualTo("https,http");
        assertThat(out.get("X-Forwarded-Port")).isEqualTo("8000");
        assertThat(out.get("X-Forwarded-Host")).isEqualTo("gateway.example:8000");
        assertThat(out.getAll("Forwarded")).containsExactly("for=127.0.0.1;proto=https",
                "proto=http;host=\"gateway.example:8000\";for=\"127.0.0.1:50123\"");
    }

    @Test
    void drops_forwarding_headers_of_an_untrusted_client_but_still_says_where_the_request_came_from() {
        HttpHeaders in = new DefaultHttpHeaders().add("Host", "gateway.example").add("X-Forwarded-For", "1.2.3.4")
                .add("X-Forwarded-Prefix", "/x").add("Forwarded", "for=127.0.0.1");

        HttpHeaders out = ProxyHeaders.toUpstream(in, UNTRUSTED, LOOPBACK, "req-1", "00-trace-span-01");

        assertThat(out.names()).doesNotContain("X-Forwarded-For", "X-Forwarded-Prefix", "X-Forwarded-Proto");
        assertThat(out.getAll("Forwarded")).containsExactly("proto=http;host=gateway.example;for=\"10.1.2.3:50123\"");
    }

    @Test
    void replaces_the_clients_request_id_and_traceparent_with_the_gateways() {
        HttpHeaders in = new DefaultHttpHeaders().add("x-request-id", "client").add("traceparent", "00-client");

        HttpHeaders out = ProxyHeaders.toUpstream(in, TRUSTED, LOOPBACK, "req-1", "00-trace-span-01");

        assertThat(out.getAll("X-Request-Id")).containsExactly("req-1");
        assertThat(out.getAll("traceparent")).containsExactly("00-trace-span-01");
    }

    @Test
    void without_trusted_proxies_passes_the_clients_forwarding_headers_on_and_writes_none() {
        HttpHeaders in = new DefaultHttpHeaders().add("X-Forwarded-For", "1.2.3.4").add("Connection", "close");

        HttpHeaders out = ProxyHeaders.toUpstream(in, TRUSTED, null, "req-1", "00-trace-span-01");

        assertThat(out.get("X-Forwarded-For")).isEqualTo("1.2.3.4");
        assertThat(out.names()).doesNotContain("Forwarded", "Connection");
    }

    @Test
    void copies_the_answer_without_hop_by_hop_headers_and_the_upstreams_request_id_wins() {
        HttpHeaders from = new DefaultHttpHeaders().add("Connection", "X-Hop").add("X-Hop", "h").add("Keep-Alive", "5")
                .add("Transfer-Encoding", "chunked").add("Set-Cookie", "a=1").add("Set-Cookie", "b=2")
                .add("X-Request-Id", "upstream");
        HttpHeaders to = new DefaultHttpHeaders().add("X-Request-Id", "gateway");

        ProxyHeaders.fromUpstream(from, to);

        assertThat(to.names()).doesNotContain("Connection", "X-Hop", "Keep-Alive", "Transfer-Encoding");
        assertThat(to.getAll("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(to.getAll("X-Request-Id")).containsExactly("upstream");
    }

    @Test
    void reads_raw_paths_and_queries_and_joins_a_service_url() {
        assertThat(NettyFacts.rawPath("/a%20b/c?x=1&y=%2F")).isEqualTo("/a%20b/c");
        assertThat(NettyFacts.rawQuery("/a%20b/c?x=1&y=%2F")).isEqualTo("?x=1&y=%2F");
        assertThat(NettyFacts.rawPath("http://host:8/p/q?z")).isEqualTo("/p/q");
        assertThat(NettyFacts.rawQuery("/p")).isEmpty();
        assertThat(DirectProxy.serviceUrl(java.net.URI.create("http://svc:9000/base/"), "/orders/7?x=1"))
                .isEqualTo("http://svc:9000/base/orders/7?x=1");
    }
}
