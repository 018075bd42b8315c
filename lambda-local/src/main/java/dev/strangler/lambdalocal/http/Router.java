package dev.strangler.lambdalocal.http;

import dev.strangler.lambdalocal.execution.FunctionRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

/**
 * Sends each request to the Invoke API, the Runtime API or {@code /health} by its path, and says how large a body
 * each may have. Thread-safe; answers 503 until {@link #start} gives it the registry.
 */
final class Router {
    static final String HEALTH = "/health";
    /** For paths that take no body (health, unknown paths): enough for any mistaken small request. */
    private static final int OTHER_BODY_LIMIT = 64 * 1024;

    private volatile Apis apis;

    void start(FunctionRegistry registry, Executor blocking) {
        apis = new Apis(registry, new InvokeApi(registry, blocking), new RuntimeApi(registry, blocking));
    }

    /** The most body a request may have, from what is known before its body arrives. */
    static int bodyLimit(String path, String invocationType) {
        if (path.startsWith(InvokeApi.PREFIX)) {
            return InvokeApi.bodyLimit(invocationType);
        }
        if (path.startsWith(RuntimeApi.PREFIX)) {
            return RuntimeApi.bodyLimit(path);
        }
        return OTHER_BODY_LIMIT;
    }

    void route(Exchange exchange) {
        Apis current = apis;
        if (current == null) {
            exchange.sendServiceError(503, "ServiceException", "lambda-local is still starting; retry in a moment");
            return;
        }
        String path = exchange.path();
        if (path.startsWith(InvokeApi.PREFIX)) {
            current.invoke().handle(exchange);
        } else if (path.startsWith(RuntimeApi.PREFIX)) {
            current.runtime().handle(exchange);
        } else if (path.startsWith(HEALTH)) {
            exchange.send(200, "application/json", ("{\"status\":\"UP\",\"functions\":"
                    + current.registry().functions().size() + "}").getBytes(StandardCharsets.UTF_8));
        } else {
            exchange.sendServiceError(404, "UnknownOperationException", "lambda-local has nothing at " + path
                    + "; it serves " + InvokeApi.PREFIX + "/..., " + RuntimeApi.PREFIX + "... and " + HEALTH);
        }
    }

    private record Apis(FunctionRegistry registry, InvokeApi invoke, RuntimeApi runtime) {
    }
}
