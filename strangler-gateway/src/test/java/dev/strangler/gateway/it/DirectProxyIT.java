package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.strangler.gateway.StranglerGatewayApplication;
import dev.strangler.gateway.web.AdminServer;
import dev.strangler.gateway.web.DirectProxy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.server.WebFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The direct proxy path against real servers on loopback: an upstream HTTP server standing for the monolith and an
 * HTTP service, and two gateways of its own: one as configured by default, one whose Spring Cloud Gateway declares a
 * route with a filter. Each gateway counts the requests that reach WebFlux with a web filter of the test's, so the
 * path a request took is seen from outside.
 */
class DirectProxyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "it-admin-token-0123456789";
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final CountDownLatch streamReleased = new CountDownLatch(1);

    private static HttpServer upstream;
    private static Gateway direct;
    private static Gateway filtered;

    /** A gateway of this test and the count of its requests that went through WebFlux. */
    private record Gateway(ConfigurableApplicationContext context, URI uri, URI admin, AtomicInteger throughWebFlux) {
        void close() {
            context.close();
        }
    }

    @BeforeAll
    static void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        upstream.setExecutor(Executors.newFixedThreadPool(8));
        upstream.createContext("/", DirectProxyIT::serve);
        upstream.start();
        URI upstreamUri = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // nothing listens there once closed
        }
        Path routes = Files.createTempDirectory("strangler-direct-it").resolve("routes.yml");
        Files.writeString(routes, """
                version: 1
                routes:
                  - id: service
                    paths: ["/svc/**"]
                    target: {url: "%1$s/base"}
                    weight: 100
                  - id: down
                    paths: ["/down/**"]
                    target: {url: "http://127.0.0.1:%2$d"}
                    weight: 100
                  - id: fn
                    paths: ["/fn/**"]
                    target: {lambda: "nowhere"}
                    weight: 100
                    fallback: true
                """.formatted(upstreamUri, closedPort));
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        direct = gateway(routes, upstreamUri);
        filtered = gateway(routes, upstreamUri,
                "--spring.cloud.gateway.server.webflux.routes[0].id=filtered",
                "--spring.cloud.gateway.server.webflux.routes[0].uri=" + upstreamUri,
                "--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/filtered/**",
                "--spring.cloud.gateway.server.webflux.routes[0].filters[0]=AddResponseHeader=X-Scg-Filter, applied");
    }

    private static Gateway gateway(Path routes, URI upstreamUri, String... more) {
        AtomicInteger throughWebFlux = new AtomicInteger();
        WebFilter counting = (exchange, chain) -> {
            throughWebFlux.incrementAndGet();
            return chain.filter(exchange);
        };
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--server.port=0", "--server.address=127.0.0.1", "--strangler.routes.file=" + routes,
                "--strangler.monolith.uri=" + upstreamUri, "--strangler.monolith.response-timeout=3s",
                "--strangler.lambda.endpoint=http://127.0.0.1:9", "--strangler.lambda.invoke-timeout=2s",
                "--strangler.admin.port=0", "--strangler.admin.token=" + TOKEN, "--strangler.shutdown.drain-delay=0s",
                "--strangler.health-check.enabled=false",
                "--strangler.circuit-breaker.sliding-window-size=4", "--strangler.circuit-breaker.minimum-number-of-calls=4",
                "--strangler.circuit-breaker.failure-rate-threshold=50", "--strangler.circuit-breaker.wait-in-open=30s"));
        arguments.addAll(List.of(more));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StranglerGatewayApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("countingWebFilter", counting))
                .run(arguments.toArray(String[]::new));
        return new Gateway(context, URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")),
                URI.create("http://127.0.0.1:" + context.getBean(AdminServer.class).port()), throughWebFlux);
    }

    @AfterAll
    static void stop() {
        streamReleased.countDown();
        for (Gateway gateway : new Gateway[] {direct, filtered}) {
            if (gateway != null) {
                gateway.close();
            }
        }
        if (upstream != null) {
            upstream.stop(0);
            ((java.util.concurrent.ExecutorService) upstream.getExecutor()).shutdownNow();
        }
    }

    @Test
    void serves_monolith_and_service_requests_without_webflux_and_hands_function_requests_on() throws Exception {
        int before = direct.throughWebFlux().get();

        HttpResponse<byte[]> monolith = send(direct, "/plain/1?a=b");
        HttpResponse<byte[]> service = send(direct, "/svc/orders/7?x=1");
        int afterProxied = direct.throughWebFlux().get();
        HttpResponse<byte[]> function = send(direct, "/fn/items");

        assertThat(direct.context().getBean(DirectProxy.class).isServing()).isTrue();
        assertThat(monolith.statusCode()).isEqualTo(200);
        assertThat(seen(monolith).get("path").asString()).isEqualTo("/plain/1");
        assertThat(seen(monolith).get("query").asString()).isEqualTo("a=b");
        assertThat(seen(service).get("path").asString()).isEqualTo("/base/svc/orders/7");
        assertThat(seen(service).get("query").asString()).isEqualTo("x=1");
        assertThat(afterProxied).as("requests that reached WebFlux").isEqualTo(before);
        assertThat(function.statusCode()).isEqualTo(200);
        assertThat(function.headers().firstValue("X-Strangler-Fallback")).isPresent();
        assertThat(direct.throughWebFlux().get()).isEqualTo(afterProxied + 1);
    }

    @Test
    void copies_headers_once_without_hop_by_hop_ones_and_with_forwarding_and_trace_headers() throws Exception {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";

        String response = raw(direct, "GET /headers HTTP/1.1", "X-Secret-Hop: do-not-forward",
                "Connection: close, X-Secret-Hop", "Keep-Alive: timeout=5", "X-Forwarded-For: 127.0.0.1",
                "X-Forwarded-Proto: https", "Forwarded: for=10.9.8.7;proto=https", "X-Request-Id: direct-1",
                "traceparent: 00-" + trace + "-00f067aa0ba902b7-01", "X-Custom: one", "X-Custom: two");

        assertThat(response).startsWith("HTTP/1.1 200");
        JsonNode headers = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4)).get("headers");
        assertThat(headers.has("x-secret-hop")).isFalse();
        assertThat(headers.has("keep-alive")).isFalse();
        assertThat(headers.get("x-forwarded-for").get(0).asString()).isEqualTo("127.0.0.1,127.0.0.1");
        assertThat(headers.get("x-forwarded-proto").get(0).asString()).isEqualTo("https,http");
        assertThat(headers.get("x-forwarded-host").get(0).asString()).isEqualTo("127.0.0.1:" + direct.uri().getPort());
        assertThat(headers.get("x-forwarded-port").get(0).asString()).isEqualTo(String.valueOf(direct.uri().getPort()));
        assertThat(headers.get("forwarded").toString()).doesNotContain("10.9.8.7").contains("proto=http")
                .contains("for=\\\"127.0.0.1:");
        assertThat(headers.get("x-request-id").get(0).asString()).isEqualTo("direct-1");
        assertThat(headers.get("traceparent").get(0).asString()).startsWith("00-" + trace + "-").doesNotContain("00f067aa0ba902b7");
        assertThat(headers.get("x-custom").toString()).contains("one").contains("two");
        assertThat(headers.get("host").get(0).asString()).isEqualTo("127.0.0.1:" + upstream.getAddress().getPort());
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        assertThat(head).contains("X-Request-Id: direct-1").containsIgnoringCase("Set-Cookie: a=1; Path=/")
                .containsIgnoringCase("Set-Cookie: b=2; Path=/").doesNotContainIgnoringCase("X-Upstream-Hop")
                .doesNotContainIgnoringCase("keep-alive: ");
    }

    @Test
    void streams_the_upstream_answer_as_it_comes() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", direct.uri().getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String start = TestEnvironment.readUntil(in, "first-part");

            streamReleased.countDown();
            String rest = TestEnvironment.readUntil(in, "last-part");

            assertThat(start).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
            assertThat(rest).contains("last-part");
        }
    }

    @Test
    void streams_a_chunked_upload_of_unknown_length_and_answers_head_without_a_body() throws Exception {
        byte[] upload = new byte[3 * 1024 * 1024 + 17];
        java.util.Arrays.fill(upload, (byte) 'x');

        HttpResponse<byte[]> posted = http.send(HttpRequest.newBuilder(direct.uri().resolve("/upload"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(upload))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(direct.uri().resolve("/plain/head"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(seen(posted).get("method").asString()).isEqualTo("POST");
        assertThat(seen(posted).get("bodyLength").asLong()).isEqualTo(upload.length);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void answers_502_for_a_service_that_is_down_then_keeps_it_out_once_its_breaker_opens() throws Exception {
        for (int i = 0; i < 4; i++) {
            HttpResponse<byte[]> refused = send(direct, "/down/" + i);
            assertThat(refused.statusCode()).isEqualTo(502);
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(text(refused)).contains("\"route\":\"down\"").doesNotContain("Exception");
        }

        HttpResponse<byte[]> safe = send(direct, "/down/while-open");
        HttpResponse<byte[]> unsafe = http.send(HttpRequest.newBuilder(direct.uri().resolve("/down/while-open"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray());
        // a request is counted once its answer is written, which the client may see first: the scrape waits for it
        String metrics = metricsOnce("strangler_requests_seconds_count{route=\"down\",side=\"target\",status=\"5xx\"} 5");

        assertThat(safe.statusCode()).isEqualTo(200);
        assertThat(seen(safe).get("path").asString()).isEqualTo("/down/while-open");
        assertThat(safe.headers().firstValue("X-Strangler-Fallback")).contains("circuit_open");
        assertThat(unsafe.statusCode()).isEqualTo(503);
        assertThat(unsafe.headers().firstValue("Retry-After")).contains("30");
        assertThat(metrics).containsPattern("strangler_requests_seconds_count\\{route=\"down\",side=\"target\",status=\"5xx\"} 5\\b") // 4 × 502, the POST's 503
                .containsPattern("strangler_fallbacks_total\\{kind=\"circuit_open\",route=\"down\"} 1\\.0")
                .containsPattern("strangler_errors_total\\{kind=\"circuit_open\",route=\"down\"} 1\\.0");
    }

    @Test
    void a_route_declaring_spring_cloud_gateway_filters_still_goes_through_its_chain() throws Exception {
        int before = filtered.throughWebFlux().get();

        HttpResponse<byte[]> response = send(filtered, "/filtered/x");
        HttpResponse<byte[]> other = send(filtered, "/plain/2");

        assertThat(filtered.context().getBean(DirectProxy.class).isServing()).isFalse();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Scg-Filter")).contains("applied");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(filtered.throughWebFlux().get()).isEqualTo(before + 2);
    }

    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            long bodyLength = exchange.getRequestBody().readAllBytes().length;
            if (path.equals("/stream")) {
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write("first-part\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                streamReleased.await(10, TimeUnit.SECONDS);
                out.write("last-part\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = JSON.writeValueAsBytes(Map.of("method", exchange.getRequestMethod(), "path", path,
                    "query", query == null ? "" : query, "headers", headers, "bodyLength", bodyLength));
            exchange.getResponseHeaders().add("Set-Cookie", "a=1; Path=/");
            exchange.getResponseHeaders().add("Set-Cookie", "b=2; Path=/");
            exchange.getResponseHeaders().add("Connection", "X-Upstream-Hop");
            exchange.getResponseHeaders().add("X-Upstream-Hop", "not-for-the-client");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpResponse<byte[]> send(Gateway gateway, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.uri().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode seen(HttpResponse<byte[]> response) {
        return JSON.readTree(response.body());
    }

    private static String text(HttpResponse<byte[]> response) {
        return text(response.body());
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A request over a plain socket (java.net.http refuses to send Connection and repeated custom headers as sent). */
    private static String raw(Gateway gateway, String requestLine, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.uri().getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(requestLine + "\r\nHost: 127.0.0.1:" + gateway.uri().getPort() + "\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            return text(socket.getInputStream().readAllBytes());
        }
    }

    /** The metrics page once it holds {@code line} (or after 10 s, for the assertion to show what it holds). */
    private String metricsOnce(String line) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String metrics = text(http.send(HttpRequest.newBuilder(direct.admin().resolve("/metrics"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofByteArray()));
            if (metrics.contains(line + "\n") || System.nanoTime() > deadline) {
                return metrics;
            }
            Thread.sleep(20);
        }
    }
}
