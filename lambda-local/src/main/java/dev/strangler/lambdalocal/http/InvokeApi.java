package dev.strangler.lambdalocal.http;

import dev.strangler.lambdalocal.execution.FunctionConfig;
import dev.strangler.lambdalocal.execution.FunctionNotFoundException;
import dev.strangler.lambdalocal.execution.FunctionRegistry;
import dev.strangler.lambdalocal.execution.InvocationResult;
import dev.strangler.lambdalocal.execution.TooManyInvocationsException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;

/**
 * The Lambda Invoke API ({@code /2015-03-31/functions/...}) as the AWS SDK calls it.
 *
 * <p>Runs on the connection's event loop: a warm invocation is handed to its environment and answered by the thread
 * that brings the result, with no thread in between. Only starting a new environment (a process and files) goes to
 * the {@code blocking} executor.
 */
final class InvokeApi {
    private static final Logger log = LoggerFactory.getLogger(InvokeApi.class);
    static final String PREFIX = "/2015-03-31/functions";
    /** AWS's limit for a synchronous request payload. */
    static final int SYNC_PAYLOAD_LIMIT = 6 * 1024 * 1024;
    /** AWS's limit for an asynchronous request payload. */
    static final int ASYNC_PAYLOAD_LIMIT = 1024 * 1024;
    private static final int TAIL_BYTES = 4096;
    private static final byte[] EMPTY_EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    private final FunctionRegistry registry;
    private final Executor blocking;

    InvokeApi(FunctionRegistry registry, Executor blocking) {
        this.registry = registry;
        this.blocking = blocking;
    }

    /** The most body a request may have, known from its headers before the body arrives. */
    static int bodyLimit(String invocationType) {
        return "Event".equals(invocationType == null ? null : invocationType.trim())
                ? ASYNC_PAYLOAD_LIMIT : SYNC_PAYLOAD_LIMIT;
    }

    void handle(Exchange exchange) {
        try {
            String path = exchange.path();
            String rest = path.substring(PREFIX.length());
            String method = exchange.method();
            if (rest.isEmpty() || rest.equals("/")) {
                if (method.equals("GET")) {
                    listFunctions(exchange);
                } else {
                    unsupported(exchange, method, path);
                }
                return;
            }
            String[] segments = rest.substring(1).split("/");
            // The request target was checked as a URI already, so its percent-escapes are well formed.
            String name = URLDecoder.decode(segments[0], StandardCharsets.UTF_8);
            if (segments.length == 2 && segments[1].equals("invocations") && method.equals("POST")) {
                invoke(exchange, name);
            } else if (segments.length == 1 && method.equals("GET")) {
                getFunction(exchange, name);
            } else {
                unsupported(exchange, method, path);
            }
        } catch (RuntimeException e) {
            log.error("Invoke API request {} {} failed", exchange.method(), exchange.path(), e);
            exchange.sendServiceError(500, "ServiceException", "lambda-local failed: " + e.getMessage());
        }
    }

    private void invoke(Exchange exchange, String given) {
        FunctionName function = FunctionName.parse(given, exchange.queryParameter("Qualifier"));
        String type = header(exchange, "X-Amz-Invocation-Type", "RequestResponse");
        boolean async = type.equals("Event");
        byte[] payload = exchange.body();
        if (!registry.contains(function.name()) || !function.isLatest()) {
            exchange.sendServiceError(404, "ResourceNotFoundException", "Function not found: "
                    + registry.arn(function.name()) + (function.isLatest() ? "" : ":" + function.qualifier()));
            return;
        }
        if (payload == null) {
            int limit = async ? ASYNC_PAYLOAD_LIMIT : SYNC_PAYLOAD_LIMIT;
            exchange.sendServiceError(413, "RequestTooLargeException", "Request must be smaller than "
                    + limit + " bytes for the InvokeFunction operation");
            return;
        }
        if (payload.length == 0) {
            payload = EMPTY_EVENT;
        }
        String problem = jsonProblem(payload);
        if (problem != null) {
            exchange.sendServiceError(400, "InvalidRequestContentException",
                    "Could not parse request body into json: " + problem);
            return;
        }
        String clientContext = exchange.header("X-Amz-Client-Context");
        switch (type) {
            case "RequestResponse" -> invokeSynchronously(exchange, function.name(), payload, clientContext);
            case "DryRun" -> {
                exchange.responseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
                exchange.send(204, null, new byte[0]);
            }
            case "Event" -> {
                registry.invokeAsync(function.name(), payload, clientContext);
                exchange.responseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
                exchange.send(202, null, new byte[0]);
            }
            default -> exchange.sendServiceError(400, "InvalidParameterValueException",
                    "X-Amz-Invocation-Type must be RequestResponse, Event or DryRun, but was '" + type + "'");
        }
    }

    /** Hands the event to a warm environment right here, or starts a new one on the blocking executor. */
    private void invokeSynchronously(Exchange exchange, String name, byte[] payload, String clientContext) {
        Optional<CompletableFuture<InvocationResult>> warm;
        try {
            warm = registry.submitIfWarm(name, payload, clientContext);
        } catch (FunctionNotFoundException | TooManyInvocationsException e) {
            refuse(exchange, e);
            return;
        }
        if (warm.isPresent()) {
            answerWhenDone(exchange, name, warm.get());
            return;
        }
        try {
            blocking.execute(() -> {
                try {
                    answerWhenDone(exchange, name, registry.submit(name, payload, clientContext));
                } catch (FunctionNotFoundException | TooManyInvocationsException e) {
                    refuse(exchange, e);
                } catch (RuntimeException e) {
                    log.error("Could not start an environment for function '{}'", name, e);
                    exchange.sendServiceError(500, "ServiceException", "lambda-local could not start an environment"
                            + " for '" + name + "': " + e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            exchange.sendServiceError(503, "ServiceException", "lambda-local is stopping; invocation of '" + name
                    + "' refused");
        }
    }

    /** Answers with the invocation's result, from the thread that brings it. */
    private void answerWhenDone(Exchange exchange, String name, CompletableFuture<InvocationResult> running) {
        boolean tail = "Tail".equals(exchange.header("X-Amz-Log-Type"));
        running.whenComplete((result, failure) -> {
            if (failure != null) {
                log.error("Invocation of function '{}' failed inside lambda-local", name, failure);
                exchange.sendServiceError(500, "ServiceException", "lambda-local failed to run '"
                        + name + "': " + failure.getMessage());
                return;
            }
            var headers = exchange.responseHeaders();
            headers.set("x-amzn-RequestId", result.requestId());
            headers.set("X-Amz-Executed-Version", "$LATEST");
            if (result.hasFunctionError()) {
                headers.set("X-Amz-Function-Error", result.functionError());
            }
            if (tail) {
                headers.set("X-Amz-Log-Result", tail(result.log()));
            }
            exchange.send(200, "application/json", result.payload());
        });
    }

    private static void refuse(Exchange exchange, RuntimeException refusal) {
        if (refusal instanceof TooManyInvocationsException) {
            exchange.responseHeaders().set("Retry-After", "1");
            exchange.responseHeaders().set("x-amzn-ErrorType", "TooManyRequestsException");
            exchange.responseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendJson(429, json -> {
                json.writeStartObject();
                json.writeStringProperty("Reason", "ReservedFunctionConcurrentInvocationLimitExceeded");
                json.writeStringProperty("Type", "User");
                json.writeStringProperty("message", refusal.getMessage());
                json.writeEndObject();
            });
        } else {
            exchange.sendServiceError(404, "ResourceNotFoundException", refusal.getMessage());
        }
    }

    /** Base64 of the log's last 4 KB, as AWS returns it. */
    private static String tail(String log) {
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, bytes.length - TAIL_BYTES);
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, from, bytes.length));
    }

    private static String jsonProblem(byte[] payload) {
        try (JsonParser parser = Exchange.JSON.createParser(ObjectReadContext.empty(), payload)) {
            while (parser.nextToken() != null) {
                // Reading every token is the check.
            }
            return null;
        } catch (JacksonException e) {
            return e.getOriginalMessage();
        }
    }

    private void listFunctions(Exchange exchange) {
        List<FunctionConfig> functions = registry.functions();
        exchange.sendJson(200, json -> {
            json.writeStartObject();
            json.writeArrayPropertyStart("Functions");
            functions.forEach(function -> writeConfiguration(json, function));
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private void getFunction(Exchange exchange, String given) {
        FunctionName function = FunctionName.parse(given, exchange.queryParameter("Qualifier"));
        FunctionConfig config = registry.functions().stream()
                .filter(candidate -> candidate.name().equals(function.name())).findFirst().orElse(null);
        if (config == null || !function.isLatest()) {
            exchange.sendServiceError(404, "ResourceNotFoundException", "Function not found: "
                    + registry.arn(function.name()));
            return;
        }
        exchange.sendJson(200, json -> {
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

    private static void unsupported(Exchange exchange, String method, String path) {
        exchange.sendServiceError(404, "UnknownOperationException",
                "lambda-local does not implement " + method + " " + path
                        + "; it serves Invoke, ListFunctions and GetFunction");
    }

    private static String header(Exchange exchange, String name, String fallback) {
        String value = exchange.header(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
