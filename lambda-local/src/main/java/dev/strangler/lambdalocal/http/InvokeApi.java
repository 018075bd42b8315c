package dev.strangler.lambdalocal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.strangler.lambdalocal.FunctionConfig;
import dev.strangler.lambdalocal.execution.FunctionNotFoundException;
import dev.strangler.lambdalocal.execution.FunctionRegistry;
import dev.strangler.lambdalocal.execution.InvocationResult;
import dev.strangler.lambdalocal.execution.TooManyInvocationsException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;

/** The Lambda Invoke API ({@code /2015-03-31/functions/...}) as the AWS SDK calls it. */
final class InvokeApi implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(InvokeApi.class);
    static final String PREFIX = "/2015-03-31/functions";
    /** AWS's limit for a synchronous request payload. */
    static final int SYNC_PAYLOAD_LIMIT = 6 * 1024 * 1024;
    /** AWS's limit for an asynchronous request payload. */
    static final int ASYNC_PAYLOAD_LIMIT = 1024 * 1024;
    private static final int TAIL_BYTES = 4096;
    private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    private final FunctionRegistry registry;

    InvokeApi(FunctionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        boolean answered = true;
        try {
            String path = exchange.getRequestURI().getRawPath();
            String rest = path.substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (rest.isEmpty() || rest.equals("/")) {
                if (method.equals("GET")) {
                    listFunctions(exchange);
                } else {
                    unsupported(exchange, method, path);
                }
                return;
            }
            String[] segments = rest.substring(1).split("/");
            String name = URLDecoder.decode(segments[0], StandardCharsets.UTF_8);
            if (segments.length == 2 && segments[1].equals("invocations") && method.equals("POST")) {
                answered = invoke(exchange, name);
            } else if (segments.length == 1 && method.equals("GET")) {
                getFunction(exchange, name);
            } else {
                unsupported(exchange, method, path);
            }
        } catch (RuntimeException e) {
            log.error("Invoke API request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            Exchanges.sendServiceError(exchange, 500, "ServiceException", "lambda-local failed: " + e.getMessage());
        } finally {
            if (answered) {
                exchange.close();
            }
        }
    }

    /** Returns whether the exchange is answered; a running invocation answers it later. */
    private boolean invoke(HttpExchange exchange, String given) throws IOException {
        FunctionName function = FunctionName.parse(given, queryParameter(exchange, "Qualifier"));
        String type = header(exchange, "X-Amz-Invocation-Type", "RequestResponse");
        boolean async = type.equals("Event");
        byte[] payload = Exchanges.body(exchange, async ? ASYNC_PAYLOAD_LIMIT : SYNC_PAYLOAD_LIMIT);
        if (!registry.contains(function.name()) || !function.isLatest()) {
            Exchanges.sendServiceError(exchange, 404, "ResourceNotFoundException", "Function not found: "
                    + registry.arn(function.name()) + (function.isLatest() ? "" : ":" + function.qualifier()));
            return true;
        }
        if (payload == null) {
            int limit = async ? ASYNC_PAYLOAD_LIMIT : SYNC_PAYLOAD_LIMIT;
            Exchanges.sendServiceError(exchange, 413, "RequestTooLargeException", "Request must be smaller than "
                    + limit + " bytes for the InvokeFunction operation");
            return true;
        }
        if (payload.length == 0) {
            payload = EMPTY_EVENT;
        }
        String problem = jsonProblem(payload);
        if (problem != null) {
            Exchanges.sendServiceError(exchange, 400, "InvalidRequestContentException",
                    "Could not parse request body into json: " + problem);
            return true;
        }
        String clientContext = exchange.getRequestHeaders().getFirst("X-Amz-Client-Context");
        if (type.equals("RequestResponse")) {
            return invokeSynchronously(exchange, function.name(), payload, clientContext);
        }
        switch (type) {
            case "DryRun" -> {
                exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
                Exchanges.send(exchange, 204, null, new byte[0]);
            }
            case "Event" -> {
                registry.invokeAsync(function.name(), payload, clientContext);
                exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
                Exchanges.send(exchange, 202, null, new byte[0]);
            }
            default -> Exchanges.sendServiceError(exchange, 400, "InvalidParameterValueException",
                    "X-Amz-Invocation-Type must be RequestResponse, Event or DryRun, but was '" + type + "'");
        }
        return true;
    }

    /** Starts the invocation; its result is written by the thread that brings it. */
    private boolean invokeSynchronously(HttpExchange exchange, String name, byte[] payload, String clientContext)
            throws IOException {
        CompletableFuture<InvocationResult> running;
        try {
            running = registry.submit(name, payload, clientContext);
        } catch (FunctionNotFoundException e) {
            Exchanges.sendServiceError(exchange, 404, "ResourceNotFoundException", e.getMessage());
            return true;
        } catch (TooManyInvocationsException e) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "TooManyRequestsException");
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            Exchanges.sendJson(exchange, 429, json -> {
                json.writeStartObject();
                json.writeStringProperty("Reason", "ReservedFunctionConcurrentInvocationLimitExceeded");
                json.writeStringProperty("Type", "User");
                json.writeStringProperty("message", e.getMessage());
                json.writeEndObject();
            });
            return true;
        }
        boolean tail = "Tail".equals(exchange.getRequestHeaders().getFirst("X-Amz-Log-Type"));
        running.whenComplete((result, failure) -> {
            try (exchange) {
                if (failure != null) {
                    log.error("Invocation of function '{}' failed inside lambda-local", name, failure);
                    Exchanges.sendServiceError(exchange, 500, "ServiceException", "lambda-local failed to run '"
                            + name + "': " + failure.getMessage());
                    return;
                }
                var headers = exchange.getResponseHeaders();
                headers.set("x-amzn-RequestId", result.requestId());
                headers.set("X-Amz-Executed-Version", "$LATEST");
                if (result.hasFunctionError()) {
                    headers.set("X-Amz-Function-Error", result.functionError());
                }
                if (tail) {
                    headers.set("X-Amz-Log-Result", tail(result.log()));
                }
                Exchanges.send(exchange, 200, "application/json", result.payload());
            } catch (IOException e) {
                log.debug("Caller of function '{}' went away before its answer", name, e);
            }
        });
        return false;
    }

    /** Base64 of the log's last 4 KB, as AWS returns it. */
    private static String tail(String log) {
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, bytes.length - TAIL_BYTES);
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, from, bytes.length));
    }

    private static String jsonProblem(byte[] payload) {
        try (JsonParser parser = Exchanges.JSON.createParser(ObjectReadContext.empty(), payload)) {
            while (parser.nextToken() != null) {
                // Reading every token is the check.
            }
            return null;
        } catch (JacksonException e) {
            return e.getOriginalMessage();
        }
    }

    private void listFunctions(HttpExchange exchange) throws IOException {
        List<FunctionConfig> functions = registry.functions();
        Exchanges.sendJson(exchange, 200, json -> {
            json.writeStartObject();
            json.writeArrayPropertyStart("Functions");
            functions.forEach(function -> writeConfiguration(json, function));
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private void getFunction(HttpExchange exchange, String given) throws IOException {
        FunctionName function = FunctionName.parse(given, queryParameter(exchange, "Qualifier"));
        FunctionConfig config = registry.functions().stream()
                .filter(candidate -> candidate.name().equals(function.name())).findFirst().orElse(null);
        if (config == null || !function.isLatest()) {
            Exchanges.sendServiceError(exchange, 404, "ResourceNotFoundException", "Function not found: "
                    + registry.arn(function.name()));
            return;
        }
        Exchanges.sendJson(exchange, 200, json -> {
            json.writeStartObject();
            json.writeName("Configuration");
            writeConfiguration(json, config);
            json.writeEndObject();
        });
    }

    private void writeConfiguration(JsonGenerator json, FunctionConfig function) {
        json.writeStartObject();
        json.writeStringProperty("FunctionName", function.name());
        json.writeStringProperty("FunctionArn", registry.arn(function.name()));
        json.writeStringProperty("Runtime", "java" + Runtime.version().feature());
        json.writeStringProperty("Handler", function.handler());
        json.writeNumberProperty("Timeout", function.timeout().toSeconds());
        json.writeNumberProperty("MemorySize", function.memoryMb());
        json.writeStringProperty("Version", "$LATEST");
        json.writeStringProperty("State", "Active");
        json.writeStringProperty("PackageType", "Zip");
        json.writeObjectPropertyStart("Environment");
        json.writeObjectPropertyStart("Variables");
        function.environment().forEach(json::writeStringProperty);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void unsupported(HttpExchange exchange, String method, String path) throws IOException {
        Exchanges.sendServiceError(exchange, 404, "UnknownOperationException",
                "lambda-local does not implement " + method + " " + path
                        + "; it serves Invoke, ListFunctions and GetFunction");
    }

    private static String header(HttpExchange exchange, String name, String fallback) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
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
}
