package dev.strangler.gateway.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real HTTP backend standing in for the monolith: answers every request with a JSON description of what it
 * received (method, path, query, headers, body length and SHA-256), marked {@code X-Backend: monolith}.
 * {@code /status/N} answers status N, {@code /cookies} sets two cookies, {@code ?sleep-ms=N} waits first, and so does
 * every request after {@link #slowDown}.
 * It remembers the headers of the requests it received by their {@code X-Request-Id}.
 */
final class FakeMonolith implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpServer server;
    private final Map<String, List<Map<String, List<String>>>> received = new ConcurrentHashMap<>();
    private volatile long delayMillis;

    private FakeMonolith(HttpServer server) {
        this.server = server;
    }

    static FakeMonolith start() throws IOException {
        return start(0);
    }

    /** Starts on {@code port} of 127.0.0.1 (0: a free one), e.g. the port of one stopped before, to restart it. */
    static FakeMonolith start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(16));
        FakeMonolith monolith = new FakeMonolith(server);
        server.createContext("/", monolith::handle);
        server.start();
        return monolith;
    }

    /** The headers (lower-case names) of each request received with this {@code X-Request-Id}, in arrival order. */
    List<Map<String, List<String>>> received(String requestId) {
        return List.copyOf(received.getOrDefault(requestId, List.of()));
    }

    /** Makes every request wait {@code delay} before it is answered (zero: answer at once again). */
    void slowDown(java.time.Duration delay) {
        delayMillis = delay.toMillis();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null && query.startsWith("sleep-ms=")) {
                Thread.sleep(Long.parseLong(query.substring("sleep-ms=".length())));
            }
            long length = 0;
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = exchange.getRequestBody()) {
                byte[] buffer = new byte[65536];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                    length += n;
                }
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            if (requestId != null) {
                received.computeIfAbsent(requestId, id -> new CopyOnWriteArrayList<>()).add(Map.copyOf(headers));
            }
            String path = exchange.getRequestURI().getRawPath();
            if (path.contains("/bodies/")) {
                answerWithBody(exchange, path);
                return;
            }
            int status = path.startsWith("/status/") ? Integer.parseInt(path.substring("/status/".length())) : 200;
            if (path.equals("/cookies")) {
                exchange.getResponseHeaders().add("Set-Cookie", "a=1; Path=/; HttpOnly");
                exchange.getResponseHeaders().add("Set-Cookie", "b=2; Path=/");
            }
            byte[] body = JSON.writeValueAsBytes(Map.of("method", exchange.getRequestMethod(), "path", path,
                    "query", query == null ? "" : query, "headers", headers, "bodyLength", length,
                    "bodySha256", HexFormat.of().formatHex(sha.digest())));
            exchange.getResponseHeaders().add("X-Backend", "monolith");
            exchange.getResponseHeaders().add("X-Multi", "one");
            exchange.getResponseHeaders().add("X-Multi", "two");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException | NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    /**
     * Bodies for the shadow body comparison: the route {@code shadow-bodies} copies {@code /bodies/...} to
     * {@code /service-base/bodies/...} here, so each path answers one way as the monolith and another as the target.
     */
    private static void answerWithBody(HttpExchange exchange, String path) throws IOException {
        boolean target = path.startsWith("/service-base/");
        String name = path.substring(path.indexOf("/bodies/") + "/bodies/".length());
        String body = switch (name) {
            case "reordered" -> target ? "{\"b\":{\"d\":[1,2],\"c\":2.0},\"a\":\"x\"}" : "{\"a\":\"x\",\"b\":{\"c\":2,\"d\":[1,2]}}";
            case "differs" -> target ? "{\"sku\":\"A\",\"total\":11}" : "{\"sku\":\"A\",\"total\":10}";
            case "ignored" -> "{\"id\":\"" + UUID.randomUUID() + "\",\"items\":[{\"sku\":\"A\",\"createdAt\":\""
                    + System.nanoTime() + "\"}]}";
            // the monolith varies this field on its own (a generated id); the target answers a fixed one
            case "noisy" -> "{\"name\":\"x\",\"token\":\"" + (target ? "fixed" : UUID.randomUUID()) + "\"}";
            default -> "{}";
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
