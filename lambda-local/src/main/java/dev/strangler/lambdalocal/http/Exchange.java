package dev.strangler.lambdalocal.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One request, read in full, and its answer on the client's connection.
 *
 * <p>Thread-safe: it is created on the connection's event loop, but any thread may answer it (the one that brings an
 * event or an invocation's result), as Netty queues a write from another thread onto the connection's loop. The first
 * answer wins; a later one is dropped with a warning.
 */
final class Exchange {
    private static final Logger log = LoggerFactory.getLogger(Exchange.class);
    static final JsonFactory JSON = new JsonFactory();

    private final Channel channel;
    private final HttpVersion version;
    private final String method;
    private final String path;
    private final String query;
    private final HttpHeaders requestHeaders;
    private final byte[] body;
    private final boolean keepAlive;
    private final HttpHeaders responseHeaders = new DefaultHttpHeaders();
    private final AtomicBoolean answered = new AtomicBoolean();

    /**
     * @param path the raw (still percent-encoded) path
     * @param query the raw query, or {@code null}
     * @param body the request body, or {@code null} when it was larger than the route allows
     * @param keepAlive whether the connection stays open after the answer
     */
    Exchange(Channel channel, HttpVersion version, String method, String path, String query,
             HttpHeaders requestHeaders, byte[] body, boolean keepAlive) {
        this.channel = channel;
        this.version = version;
        this.method = method;
        this.path = path;
        this.query = query;
        this.requestHeaders = requestHeaders;
        this.body = body;
        this.keepAlive = keepAlive;
    }

    String method() {
        return method;
    }

    /** The raw (still percent-encoded) path. */
    String path() {
        return path;
    }

    /** The request body, or {@code null} when it was larger than the route allows (answer 413). */
    byte[] body() {
        return body;
    }

    /** A request header's value, or {@code null}. */
    String header(String name) {
        return requestHeaders.get(name);
    }

    /** A query parameter, decoded, or {@code null}. */
    String queryParameter(String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Headers to send with the answer; set them before calling a {@code send} method. */
    HttpHeaders responseHeaders() {
        return responseHeaders;
    }

    void send(int status, String contentType, byte[] content) {
        send(status, contentType, content, () -> log.debug("Client of {} {} went away before its answer", method, path));
    }

    /**
     * Writes the answer; {@code whenUndelivered} runs (on the connection's event loop) if the connection closed
     * before it could be written.
     */
    void send(int status, String contentType, byte[] content, Runnable whenUndelivered) {
        if (!answered.compareAndSet(false, true)) {
            log.warn("{} {} was answered already; dropping a second answer with status {}", method, path, status);
            return;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(content), responseHeaders, EmptyHttpHeaders.INSTANCE);
        if (contentType != null) {
            responseHeaders.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        if (status != 204) {
            HttpUtil.setContentLength(response, content.length);
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        ChannelFuture written = channel.writeAndFlush(response);
        written.addListener((ChannelFutureListener) future -> {
            if (!future.isSuccess()) {
                whenUndelivered.run();
            }
        });
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    void sendJson(int status, Consumer<JsonGenerator> writer) {
        send(status, "application/json", json(writer));
    }

    /**
     * Answers with an AWS service error: the SDK picks its exception class from {@code x-amzn-ErrorType}.
     */
    void sendServiceError(int status, String type, String message) {
        responseHeaders.set("x-amzn-ErrorType", type);
        responseHeaders.set("x-amzn-RequestId", UUID.randomUUID().toString());
        sendJson(status, json -> {
            json.writeStartObject();
            json.writeStringProperty("Type", "User");
            json.writeStringProperty("message", message);
            json.writeEndObject();
        });
    }

    /** Closes the connection without an answer, for a held-open request whose source went away. */
    void abort() {
        if (answered.compareAndSet(false, true)) {
            channel.close();
        }
    }

    /**
     * Runs {@code action} once the client's connection closes (at once if it is closed already); the returned
     * {@code Runnable} removes it again, so that a long-lived connection does not collect one per request.
     */
    Runnable onClientGone(Runnable action) {
        ChannelFutureListener listener = future -> action.run();
        channel.closeFuture().addListener(listener);
        return () -> channel.closeFuture().removeListener(listener);
    }

    static byte[] json(Consumer<JsonGenerator> writer) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
            writer.accept(generator);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
