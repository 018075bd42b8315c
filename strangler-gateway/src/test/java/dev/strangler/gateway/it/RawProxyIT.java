package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.StranglerGatewayApplication;
import dev.strangler.gateway.web.AdminServer;
import dev.strangler.gateway.web.DirectProxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The raw proxy path's framing and connections against a hand-written HTTP/1.1 upstream on loopback
 * ({@link LoopbackUpstream}): kept-alive reuse, pipelined requests answered in order, {@code Connection: close} on
 * either side, chunked answers to HTTP/1.1 and HTTP/1.0 clients, large bodies both ways, and 502/504 for an upstream
 * that drops the connection or stays silent.
 */
class RawProxyIT {

    private static final String TOKEN = "it-admin-token-0123456789";
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LoopbackUpstream upstream;
    private static ConfigurableApplicationContext gateway;
    private static int port;
    private static URI admin;

    @BeforeAll
    static void start() throws IOException {
        upstream = new LoopbackUpstream();
        Path routes = Files.createTempDirectory("strangler-raw-it").resolve("routes.yml");
        Files.writeString(routes, """
                version: 1
                routes:
                  - id: service
                    paths: ["/svc/**"]
                    target: {url: "http://127.0.0.1:%d/base"}
                    weight: 100
                """.formatted(upstream.port()));
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        gateway = new SpringApplicationBuilder(StranglerGatewayApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--strangler.routes.file=" + routes,
                "--strangler.monolith.uri=http://127.0.0.1:" + upstream.port(), "--strangler.monolith.response-timeout=1s",
                "--strangler.lambda.endpoint=http://127.0.0.1:9", "--strangler.admin.port=0",
                "--strangler.admin.token=" + TOKEN, "--strangler.shutdown.drain-delay=0s", "--strangler.health-check.enabled=false");
        port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
        admin = URI.create("http://127.0.0.1:" + gateway.getBean(AdminServer.class).port());
    }

    @AfterAll
    static void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void answers_pipelined_requests_in_order_over_one_kept_alive_upstream_connection() throws Exception {
        String answers = exchange("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(gateway.getBean(DirectProxy.class).isRaw()).isTrue();
        assertThat(answers).containsSubsequence("path=/a", "path=/b", "path=/c");
        String first = answers.substring(answers.indexOf("connection="), answers.indexOf(" request="));
        assertThat(answers.split(first, -1)).as("answers from the same upstream connection").hasSize(4);
        assertThat(answers).containsSubsequence("request=1", "request=2", "request=3");
        assertThat(answers.substring(answers.lastIndexOf("HTTP/1.1 200"))).containsIgnoringCase("connection: close");
    }

    @Test
    void keeps_the_order_of_pipelined_requests_when_one_between_goes_on_to_reactor_netty() throws Exception {
        String answers;
        // no Connection: close on the last one: Reactor Netty would close after the answer it is writing when it reads
        // a pipelined request that asks to close (its own behaviour, with or without the raw path)
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /first HTTP/1.1\r\nHost: x\r\n\r\nGET /svc/between HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /last HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            answers = TestEnvironment.readUntil(socket.getInputStream(), "path=/last");
        }

        assertThat(answers).containsSubsequence("path=/first", "path=/base/svc/between", "path=/last");
        assertThat(answers.split("HTTP/1.1 200", -1)).hasSize(4);
    }

    @Test
    void relays_a_chunked_answer_chunked_to_http_1_1_and_to_the_end_of_the_connection_to_http_1_0() throws Exception {
        String chunked = exchange("GET /chunked HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String old = exchange("GET /chunked HTTP/1.0\r\n\r\n");

        assertThat(chunked).containsIgnoringCase("transfer-encoding: chunked").endsWith("1\r\na\r\n2\r\nbb\r\n3\r\nccc\r\n0\r\n\r\n");
        assertThat(old).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("transfer-encoding")
                .containsIgnoringCase("connection: close").endsWith("\r\n\r\nabbccc");
    }

    @Test
    void opens_a_new_upstream_connection_after_one_the_upstream_closed() throws Exception {
        HttpResponse<String> closing = get("/close");
        HttpResponse<String> next = get("/after-close");

        assertThat(closing.statusCode()).isEqualTo(200);
        assertThat(closing.body()).isEqualTo("close");
        assertThat(next.statusCode()).as("not sent on the connection the upstream closed").isEqualTo(200);
        assertThat(next.body()).contains("path=/after-close");
    }

    @Test
    void streams_a_large_body_up_and_its_echo_back() throws Exception {
        byte[] upload = new byte[12 * 1024 * 1024 + 5];
        new Random(17).nextBytes(upload);

        HttpResponse<byte[]> echoed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(echoed.statusCode()).isEqualTo(200);
        assertThat(echoed.body()).hasSize(upload.length);
        assertThat(MessageDigest.getInstance("SHA-256").digest(echoed.body()))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(upload));
    }

    @Test
    void answers_502_for_a_dropped_connection_and_504_for_a_silent_upstream_and_counts_both() throws Exception {
        HttpResponse<String> dropped = get("/drop");
        HttpResponse<String> silent = get("/silent");
        HttpResponse<String> after = get("/after-failures");
        String metrics = http.send(HttpRequest.newBuilder(admin.resolve("/metrics")).header("Authorization", "Bearer " + TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(dropped.statusCode()).isEqualTo(502);
        assertThat(dropped.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(dropped.body()).contains("\"route\":\"default\"").doesNotContain("Exception");
        assertThat(silent.statusCode()).isEqualTo(504);
        assertThat(silent.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(metrics).containsPattern("strangler_requests_seconds_count\\{route=\"default\",side=\"monolith\",status=\"5xx\"} 2\\b");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code requests} as they are over one connection and reads until the gateway closes it. */
    private static String exchange(String requests) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answers = new ByteArrayOutputStream();
            in.transferTo(answers);
            return answers.toString(StandardCharsets.US_ASCII);
        }
    }
}
