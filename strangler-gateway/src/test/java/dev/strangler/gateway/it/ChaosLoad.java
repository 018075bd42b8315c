package dev.strangler.gateway.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients sending requests through the gateway to the chaos route until closed: four GETs then one POST, each
 * carrying the headers of the current fault (which make the sample function throw or sleep). Every request is
 * recorded with its phase, its answer (or the exception that took its place) and when it was sent and answered.
 */
final class ChaosLoad implements AutoCloseable {

    /** One request: method, status (-1: no answer), the fallback mark, what failed, and its time span (epoch ms). */
    record Sent(String phase, String method, int status, String fallback, String error, long startMs, long endMs) {
        boolean answered() {
            return status > 0;
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI gateway;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private volatile String phase = "warm-up";
    private volatile Map<String, String> faultHeaders = Map.of();

    ChaosLoad(URI gateway) {
        this.gateway = gateway;
    }

    /** Adds {@code clients} clients, each sending one request after the other with {@code pauseMs} between them. */
    ChaosLoad clients(int clients, long pauseMs, AtomicBoolean alive) {
        for (int i = 0; i < clients; i++) {
            String name = "c" + threads.size();
            Thread thread = new Thread(() -> loop(name, pauseMs, alive), "chaos-load-" + name);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return this;
    }

    void phase(String name, Map<String, String> headers) {
        phase = name;
        faultHeaders = Map.copyOf(headers);
    }

    void faultHeaders(Map<String, String> headers) {
        faultHeaders = Map.copyOf(headers);
    }

    /** Wall-clock time, as the gateway's rollout timestamps are on the same machine. */
    long nowMs() {
        return System.currentTimeMillis();
    }

    private void loop(String client, long pauseMs, AtomicBoolean alive) {
        for (int n = 0; running.get() && alive.get(); n++) {
            boolean post = n % 5 == 4;
            HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve("/chaos/items/" + client + "-" + n))
                    .timeout(Duration.ofSeconds(30));
            faultHeaders.forEach(request::header);
            if (post) {
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"client\":\"" + client + "\",\"n\":" + n + "}"));
            }
            send(request.build(), post ? "POST" : "GET");
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void send(HttpRequest request, String method) {
        String current = phase;
        long start = nowMs();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            sent.add(new Sent(current, method, response.statusCode(),
                    response.headers().firstValue("X-Strangler-Fallback").orElse(null), null, start, nowMs()));
        } catch (IOException e) {
            sent.add(new Sent(current, method, -1, null, e.toString(), start, nowMs()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sent.add(new Sent(current, method, -1, null, "interrupted while waiting for the answer", start, nowMs()));
        }
    }

    /** Stops the clients and waits for their last requests (each bounded by its 30 s timeout). */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(40_000);
        }
    }
}
