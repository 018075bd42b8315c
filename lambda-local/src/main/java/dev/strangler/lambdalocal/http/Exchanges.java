package dev.strangler.lambdalocal.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** Reading requests and writing answers on {@link HttpExchange}s, shared by both APIs. */
final class Exchanges {
    static final JsonFactory JSON = new JsonFactory();

    private Exchanges() {
    }

    /** Reads the request body, or returns {@code null} once it passes {@code limit} bytes. */
    static byte[] body(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String declared = exchange.getRequestHeaders().getFirst("Content-Length");
            if (declared != null && Long.parseLong(declared.trim()) > limit) {
                in.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(declared == null ? 256 : Integer.parseInt(declared.trim()));
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                body.write(buffer, 0, read);
                if (body.size() > limit) {
                    in.transferTo(OutputStream.nullOutputStream());
                    return null;
                }
            }
            return body.toByteArray();
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        if (body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void sendJson(HttpExchange exchange, int status, Consumer<JsonGenerator> writer) throws IOException {
        send(exchange, status, "application/json", json(writer));
    }

    static byte[] json(Consumer<JsonGenerator> writer) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
            writer.accept(generator);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Answers with an AWS service error: the SDK picks its exception class from {@code x-amzn-ErrorType}.
     */
    static void sendServiceError(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        sendJson(exchange, status, json -> {
            json.writeStartObject();
            json.writeStringProperty("Type", "User");
            json.writeStringProperty("message", message);
            json.writeEndObject();
        });
    }
}
