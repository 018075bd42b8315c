package dev.strangler.lambdalocal.http;

import dev.strangler.lambdalocal.execution.Environment;
import dev.strangler.lambdalocal.execution.FunctionRegistry;
import dev.strangler.lambdalocal.execution.Invocation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda Runtime API ({@code /2018-06-01/runtime/...}) for the runtime interface client, below
 * {@code /environments/{id}} so that each request names its environment.
 *
 * <p>Runs on the connection's event loop. A held-open {@code next} is answered by the thread that brings the event;
 * a {@code response} completes the invocation on this thread, which also answers the invoking client. Only waiting
 * for a not yet registered environment goes to the {@code blocking} executor.
 */
final class RuntimeApi {
    private static final Logger log = LoggerFactory.getLogger(RuntimeApi.class);
    static final String PREFIX = "/environments/";
    private static final String API = "/2018-06-01/runtime/";
    /** AWS's limit for a synchronous response payload, with the emulators' 100 bytes of slack. */
    static final int RESPONSE_LIMIT = 6 * 1024 * 1024 + 100;
    static final int ERROR_LIMIT = 1024 * 1024;
    private static final byte[] ACCEPTED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

    private final FunctionRegistry registry;
    private final Executor blocking;

    RuntimeApi(FunctionRegistry registry, Executor blocking) {
        this.registry = registry;
        this.blocking = blocking;
    }

    /** The most body a request to {@code path} may have. */
    static int bodyLimit(String path) {
        return path.endsWith("/response") ? RESPONSE_LIMIT : ERROR_LIMIT;
    }

    void handle(Exchange exchange) {
        String path = exchange.path();
        int api = path.indexOf(API, PREFIX.length());
        if (api <= PREFIX.length()) {
            notFound(exchange, path);
            return;
        }
        String environmentId = path.substring(PREFIX.length(), api);
        String operation = path.substring(api + API.length());
        Environment environment = registry.environment(environmentId);
        if (environment != null) {
            serve(exchange, environment, operation);
            return;
        }
        // A process is registered right after it starts; a very fast runtime could ask a moment before. Waiting for
        // that blocks, so it happens off the event loop.
        try {
            blocking.execute(() -> {
                Environment registered = awaitEnvironment(environmentId);
                if (registered == null) {
                    // Only an environment we already stopped asks this; a non-2xx answer makes its runtime end itself.
                    sendError(exchange, 403, "Environment.Unknown", "No running environment '" + environmentId + "'");
                } else {
                    serve(exchange, registered, operation);
                }
            });
        } catch (RejectedExecutionException e) {
            sendError(exchange, 403, "Environment.Unknown", "lambda-local is stopping; environment '" + environmentId
                    + "' is not running any more");
        }
    }

    private void serve(Exchange exchange, Environment environment, String operation) {
        try {
            String method = exchange.method();
            if (operation.equals("invocation/next") && method.equals("GET")) {
                next(exchange, environment);
            } else if (operation.equals("init/error") && method.equals("POST")) {
                byte[] body = exchange.body();
                environment.initFailed(body == null ? new byte[0] : body);
                accepted(exchange);
            } else if (operation.startsWith("invocation/") && method.equals("POST")) {
                answer(exchange, environment, operation.substring("invocation/".length()));
            } else {
                notFound(exchange, exchange.path());
            }
        } catch (RuntimeException e) {
            log.error("Runtime API request {} {} failed", exchange.method(), exchange.path(), e);
            sendError(exchange, 500, "Runtime.Failure", String.valueOf(e.getMessage()));
        }
    }

    private Environment awaitEnvironment(String id) {
        Environment environment = registry.environment(id);
        for (int i = 0; i < 20 && environment == null; i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            environment = registry.environment(id);
        }
        return environment;
    }

    /** Holds the long poll open until the environment has an event for it. */
    private static void next(Exchange exchange, Environment environment) {
        environment.awaitNext(new HeldNext(exchange, environment));
    }

    private static void answer(Exchange exchange, Environment environment, String rest) {
        int slash = rest.indexOf('/');
        String requestId = slash < 0 ? rest : rest.substring(0, slash);
        String kind = slash < 0 ? "" : rest.substring(slash + 1);
        boolean isResponse = kind.equals("response");
        if (!isResponse && !kind.equals("error")) {
            notFound(exchange, exchange.path());
            return;
        }
        byte[] body = exchange.body();
        if (body == null) {
            String message = "Response payload size exceeded maximum allowed payload size (" + RESPONSE_LIMIT
                    + " bytes).";
            environment.fail(requestId, Exchange.json(json -> {
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

    private static void accepted(Exchange exchange) {
        exchange.send(202, "application/json", ACCEPTED);
    }

    private static void notFound(Exchange exchange, String path) {
        sendError(exchange, 404, "Runtime.UnknownPath", "lambda-local's Runtime API has no " + path);
    }

    private static void sendError(Exchange exchange, int status, String type, String message) {
        exchange.sendJson(status, json -> {
            json.writeStartObject();
            json.writeStringProperty("errorMessage", message);
            json.writeStringProperty("errorType", type);
            json.writeEndObject();
        });
    }

    /**
     * A runtime's held-open {@code next}: written by whichever thread brings the event. If its connection closes
     * first, it is withdrawn so the event waits for the runtime's next call; if the connection closes as the event is
     * written, the event goes back to the environment.
     */
    private static final class HeldNext implements Consumer<Invocation> {
        private final Exchange exchange;
        private final Environment environment;
        private final Runnable stopWatchingClose;

        HeldNext(Exchange exchange, Environment environment) {
            this.exchange = exchange;
            this.environment = environment;
            this.stopWatchingClose = exchange.onClientGone(() -> environment.withdraw(this));
        }

        @Override
        public void accept(Invocation invocation) {
            stopWatchingClose.run();
            if (invocation == null) {
                // The environment stopped; its process ends, and with it the runtime's wait.
                exchange.abort();
                return;
            }
            var headers = exchange.responseHeaders();
            headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
            headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMillis()));
            headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn());
            headers.set("Lambda-Runtime-Trace-Id", invocation.traceId());
            if (invocation.clientContext() != null) {
                headers.set("Lambda-Runtime-Client-Context", decodedClientContext(invocation.clientContext()));
            }
            exchange.send(200, "application/json", invocation.payload(), () -> {
                log.debug("Connection of environment {} closed as request {} was handed over; handing it again",
                        environment.id(), invocation.requestId());
                environment.redeliver(invocation);
            });
        }
    }
}
