package dev.strangler.lambdalocal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.strangler.lambdalocal.execution.Environment;
import dev.strangler.lambdalocal.execution.FunctionRegistry;
import dev.strangler.lambdalocal.execution.Invocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda Runtime API ({@code /2018-06-01/runtime/...}) for the runtime interface client, below
 * {@code /environments/{id}} so that each request names its environment.
 */
final class RuntimeApi implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(RuntimeApi.class);
    static final String PREFIX = "/environments/";
    private static final String API = "/2018-06-01/runtime/";
    /** AWS's limit for a synchronous response payload, with the emulators' 100 bytes of slack. */
    private static final int RESPONSE_LIMIT = 6 * 1024 * 1024 + 100;
    private static final int ERROR_LIMIT = 1024 * 1024;

    private final FunctionRegistry registry;

    RuntimeApi(FunctionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        boolean answered = true;
        try {
            String path = exchange.getRequestURI().getRawPath();
            int api = path.indexOf(API);
            if (api < 0) {
                notFound(exchange, path);
                return;
            }
            String environmentId = path.substring(PREFIX.length(), api);
            String operation = path.substring(api + API.length());
            Environment environment = environment(environmentId);
            if (environment == null) {
                // Only an environment we already stopped asks this; answering non-2xx makes its runtime end itself.
                sendError(exchange, 403, "Environment.Unknown", "No running environment '" + environmentId + "'");
                return;
            }
            if (operation.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                answered = false;
                next(exchange, environment);
            } else if (operation.equals("init/error") && exchange.getRequestMethod().equals("POST")) {
                byte[] body = Exchanges.body(exchange, ERROR_LIMIT);
                environment.initFailed(body == null ? new byte[0] : body);
                accepted(exchange);
            } else if (operation.startsWith("invocation/") && exchange.getRequestMethod().equals("POST")) {
                answer(exchange, environment, operation.substring("invocation/".length()));
            } else {
                notFound(exchange, path);
            }
        } catch (RuntimeException e) {
            log.error("Runtime API request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            sendError(exchange, 500, "Runtime.Failure", String.valueOf(e.getMessage()));
        } finally {
            if (answered) {
                exchange.close();
            }
        }
    }

    private Environment environment(String id) {
        Environment environment = registry.environment(id);
        if (environment == null) {
            // A process is registered right after it starts; a very fast runtime could ask a moment before.
            for (int i = 0; i < 20 && environment == null; i++) {
                sleep(10);
                environment = registry.environment(id);
            }
        }
        return environment;
    }

    /** Holds the long poll open; the event is written by whichever thread hands it over. */
    private static void next(HttpExchange exchange, Environment environment) {
        environment.awaitNext(invocation -> {
            try (exchange) {
                if (invocation == null) {
                    return;
                }
                var headers = exchange.getResponseHeaders();
                headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
                headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMillis()));
                headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn());
                headers.set("Lambda-Runtime-Trace-Id", invocation.traceId());
                if (invocation.clientContext() != null) {
                    headers.set("Lambda-Runtime-Client-Context", decodedClientContext(invocation.clientContext()));
                }
                Exchanges.send(exchange, 200, "application/json", invocation.payload());
            } catch (IOException e) {
                // The environment's process is gone; its end is noticed and reported through its exit.
                log.debug("Could not hand request {} to environment {}", invocation.requestId(), environment.id(), e);
            }
        });
    }

    private static void answer(HttpExchange exchange, Environment environment, String rest) throws IOException {
        int slash = rest.indexOf('/');
        String requestId = slash < 0 ? rest : rest.substring(0, slash);
        String kind = slash < 0 ? "" : rest.substring(slash + 1);
        boolean isResponse = kind.equals("response");
        if (!isResponse && !kind.equals("error")) {
            notFound(exchange, exchange.getRequestURI().getRawPath());
            return;
        }
        byte[] body = Exchanges.body(exchange, isResponse ? RESPONSE_LIMIT : ERROR_LIMIT);
        if (body == null) {
            String message = "Response payload size exceeded maximum allowed payload size (" + RESPONSE_LIMIT
                    + " bytes).";
            environment.fail(requestId, Exchanges.json(json -> {
                json.writeStartObject();
                json.writeStringProperty("errorMessage", message);
                json.writeStringProperty("errorType", "Function.ResponseSizeTooLarge");
                json.writeEndObject();
            }));
            sendError(exchange, 413, "Function.ResponseSizeTooLarge", message);
            return;
        }
        boolean known = isResponse ? environment.respond(requestId, body) : environment.fail(requestId, body);
        if (known) {
            accepted(exchange);
        } else {
            sendError(exchange, 400, "InvalidRequestID", "Request " + requestId + " is not running in environment "
                    + environment.id() + "; it may have timed out");
        }
    }

    private static String decodedClientContext(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return base64;
        }
    }

    private static void accepted(HttpExchange exchange) throws IOException {
        Exchanges.send(exchange, 202, "application/json", "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static void notFound(HttpExchange exchange, String path) throws IOException {
        sendError(exchange, 404, "Runtime.UnknownPath", "lambda-local's Runtime API has no " + path);
    }

    private static void sendError(HttpExchange exchange, int status, String type, String message) throws IOException {
        Exchanges.sendJson(exchange, status, json -> {
            json.writeStartObject();
            json.writeStringProperty("errorMessage", message);
            json.writeStringProperty("errorType", type);
            json.writeEndObject();
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
