package dev.strangler.lambdalocal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.lambdalocal.execution.FunctionConfig;
import dev.strangler.lambdalocal.LambdaLocal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server itself, spoken to over raw sockets: keep-alive, {@code Connection: close}, {@code Expect:
 * 100-continue}, body limits and malformed requests. No function is invoked, so no environment starts.
 */
class LambdaHttpServerIT {
    private static final String INVOKE = "/2015-03-31/functions/greeting/invocations";
    private static LambdaLocal lambda;

    @BeforeAll
    static void start() {
        lambda = LambdaLocal.start(0);
        // Deployed but never run: the requests below are all answered before an environment would start.
        lambda.deploy(FunctionConfig.of("greeting", Path.of(System.getProperty("sample.functions.jar")),
                "dev.strangler.samples.GreetingHandler::handleRequest"));
    }

    @AfterAll
    static void stop() {
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void listens_on_loopback_on_a_free_port_with_daemon_threads_named_for_lambda_local() {
        assertThat(lambda.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(lambda.endpoint().getPort()).isPositive();
        assertThat(serverThreads()).isNotEmpty().allMatch(Thread::isDaemon);
    }

    @Test
    void ends_its_threads_and_connections_on_close() throws Exception {
        Set<Thread> before = serverThreads();
        LambdaLocal other = LambdaLocal.start(0);
        Connection connection = new Connection(new Socket("127.0.0.1", other.endpoint().getPort()));
        assertThat(connection.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(200);
        Set<Thread> started = serverThreads();
        started.removeAll(before);

        other.close();

        assertThat(connection.isClosedByServer()).isTrue();
        assertThat(started).isNotEmpty();
        for (Thread thread : started) {
            thread.join(2000);
        }
        assertThat(started).noneMatch(Thread::isAlive);
        connection.close();
    }

    @Test
    void keeps_the_connection_open_for_one_request_after_another() throws IOException {
        try (Connection connection = connect()) {
            for (int i = 0; i < 3; i++) {
                Response health = connection.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");

                assertThat(health.status()).isEqualTo(200);
                assertThat(health.text()).isEqualTo("{\"status\":\"UP\",\"functions\":1}");
            }
        }
    }

    @Test
    void closes_the_connection_after_the_answer_when_the_client_asks() throws IOException {
        try (Connection connection = connect()) {
            Response health = connection.send("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.headers()).containsEntry("connection", "close");
            assertThat(connection.isClosedByServer()).isTrue();
        }
    }

    @Test
    void answers_garbage_with_400_and_keeps_serving_other_connections() throws IOException {
        try (Connection connection = connect()) {
            Response garbage = connection.send("\u0001\u0002 this is not HTTP \u0003\r\n\r\n");

            assertThat(garbage.status()).isEqualTo(400);
            assertThat(garbage.headers()).containsEntry("x-amzn-errortype", "BadRequestException");
            assertThat(garbage.text()).contains("lambda-local could not parse this HTTP request");
            assertThat(connection.isClosedByServer()).isTrue();
        }
        try (Connection connection = connect()) {
            assertThat(connection.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(200);
        }
    }

    @Test
    void answers_a_malformed_request_target_with_400() throws IOException {
        try (Connection connection = connect()) {
            Response response = connection.send("GET /health|^{} HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.text()).contains("could not parse the request target '/health|^{}'");
        }
    }

    @Test
    void answers_an_http_version_other_than_1_with_505() throws IOException {
        try (Connection connection = connect()) {
            Response response = connection.send("GET /health HTTP/2.0\r\nHost: x\r\n\r\n");

            assertThat(response.status()).isEqualTo(505);
            assertThat(response.text()).contains("lambda-local speaks HTTP/1.1 (and 1.0), not HTTP/2.0");
        }
    }

    @Test
    void answers_an_unknown_path_with_unknown_operation() throws IOException {
        try (Connection connection = connect()) {
            Response response = connection.send("DELETE /nothing/here HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.headers()).containsEntry("x-amzn-errortype", "UnknownOperationException");
            assertThat(response.text()).contains("lambda-local has nothing at /nothing/here");
        }
    }

    @Test
    void sends_100_continue_then_reads_the_body() throws IOException {
        try (Connection connection = connect()) {
            connection.write("POST " + INVOKE + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 6\r\n\r\n");
            Response proceed = connection.read();
            Response invalid = connection.send("{nope!");

            assertThat(proceed.status()).isEqualTo(100);
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.headers()).containsEntry("x-amzn-errortype", "InvalidRequestContentException");
        }
    }

    @Test
    void refuses_a_body_announced_over_the_limit_with_100_continue_before_it_is_sent() throws IOException {
        try (Connection connection = connect()) {
            Response refused = connection.send("POST " + INVOKE + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    + "Content-Length: " + (InvokeApi.SYNC_PAYLOAD_LIMIT + 1) + "\r\n\r\n");

            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.headers()).containsEntry("x-amzn-errortype", "RequestTooLargeException");
            assertThat(refused.text()).contains("Request must be smaller than 6291456 bytes");
            assertThat(connection.isClosedByServer()).isTrue();
        }
    }

    @Test
    void drops_a_body_over_the_limit_answers_413_and_keeps_the_connection_usable() throws IOException {
        byte[] body = new byte[InvokeApi.SYNC_PAYLOAD_LIMIT + 1024];
        Arrays.fill(body, (byte) ' ');
        try (Connection connection = connect()) {
            connection.write("POST " + INVOKE + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n");
            connection.write(body);
            Response refused = connection.read();
            Response health = connection.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.headers()).containsEntry("x-amzn-errortype", "RequestTooLargeException");
            assertThat(health.status()).isEqualTo(200);
        }
    }

    @Test
    void refuses_a_chunked_event_payload_over_one_megabyte() throws IOException {
        String chunk = "x".repeat(64 * 1024);
        StringBuilder request = new StringBuilder("POST " + INVOKE + " HTTP/1.1\r\nHost: x\r\n"
                + "X-Amz-Invocation-Type: Event\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 17; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        try (Connection connection = connect()) {
            Response refused = connection.send(request.append("0\r\n\r\n").toString());

            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.text()).contains("Request must be smaller than 1048576 bytes");
        }
    }

    private static Set<Thread> serverThreads() {
        Set<Thread> threads = new HashSet<>(Thread.getAllStackTraces().keySet());
        threads.removeIf(thread -> !thread.getName().startsWith("lambda-local-http"));
        return threads;
    }

    private static Connection connect() throws IOException {
        return new Connection(new Socket("127.0.0.1", lambda.endpoint().getPort()));
    }

    /** An answer as read off the socket; header names lower-cased. */
    private record Response(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A plain HTTP/1.1 client connection that reads answers with a Content-Length (all lambda-local sends). */
    private static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(10_000);
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        Response send(String request) throws IOException {
            write(request);
            return read();
        }

        void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        Response read() throws IOException {
            String[] lines = head().split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            return new Response(status, headers, body);
        }

        private String head() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("Connection closed after " + head.size() + " bytes of an answer's head");
                }
                head.write(b);
                byte[] bytes = head.toByteArray();
                int n = bytes.length;
                if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                    return new String(bytes, 0, n - 4, StandardCharsets.ISO_8859_1);
                }
            }
        }

        /** Whether the server closed the connection (the next read sees the end of the stream). */
        boolean isClosedByServer() throws IOException {
            return in.read() < 0;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
