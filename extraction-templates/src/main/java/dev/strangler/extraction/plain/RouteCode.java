package dev.strangler.extraction.plain;

import dev.strangler.extraction.core.Route;
import dev.strangler.extraction.source.springapp.Argument;
import dev.strangler.extraction.source.springapp.HandlerMethod;
import dev.strangler.extraction.source.springapp.SpringApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the candidate's routes into the generated route table: for each, the handler method's binding as a direct
 * Java call, or a 501 route with the reason when something in it is not supported.
 */
final class RouteCode {

    private final SpringApplication application;
    private final Wiring wiring;

    RouteCode(SpringApplication application, Wiring wiring) {
        this.application = application;
        this.wiring = wiring;
    }

    List<GeneratedRoute> routes(List<Route> routes) {
        return routes.stream().map(this::route).toList();
    }

    GeneratedRoute route(Route route) {
        Optional<HandlerMethod> found = application.handler(route.handler(), route.method());
        if (found.isEmpty()) {
            String reason = "handler " + route.handler() + " was not found in the moved sources";
            return new GeneratedRoute(route.method(), route.path(), "Route.unsupported(" + JavaText.literal(route.method())
                    + ", " + JavaText.literal(route.path()) + ", null, null, null, " + JavaText.literal(reason) + ")",
                    reason);
        }
        HandlerMethod handler = found.get();
        String head = JavaText.literal(route.method()) + ", " + JavaText.literal(route.path()) + ", "
                + handler.controller() + ".class, " + JavaText.literal(handler.name()) + ", new Class<?>[] {"
                + String.join(", ", handler.arguments().stream().map(a -> a.type() + ".class").toList()) + "}";
        Optional<String> reason = unsupported(handler);
        if (reason.isPresent()) {
            return new GeneratedRoute(route.method(), route.path(), "Route.unsupported(" + head + ", "
                    + JavaText.literal(reason.get()) + ")", reason.get());
        }
        String field = wiring.field(handler.controller()).orElseThrow();
        String call = "beans." + field + "." + handler.name() + "(" + String.join(", ", arguments(handler)) + ")";
        String lambda = handler.returnsVoid() ? "a -> {\n                    " + call + ";\n                    return null;\n                }"
                : "a -> " + call;
        return new GeneratedRoute(route.method(), route.path(), "Route.of(" + head + ", " + handler.status() + ",\n                "
                + lambda + ")", null);
    }

    private Optional<String> unsupported(HandlerMethod handler) {
        Optional<String> controller = wiring.unbuildable(handler.controller());
        if (controller.isPresent()) {
            return controller;
        }
        List<String> arguments = handler.unsupported();
        return arguments.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", arguments));
    }

    static List<String> arguments(HandlerMethod handler) {
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < handler.arguments().size(); i++) {
            arguments.add(argument(i, handler.arguments().get(i)));
        }
        return arguments;
    }

    static String argument(int index, Argument argument) {
        String witness = "a.<" + JavaText.boxed(argument.type()) + ">";
        String name = JavaText.literal(argument.name());
        return switch (argument.kind()) {
            case PATH -> witness + "path(" + index + ", " + name + ")";
            case PARAM -> witness + "param(" + index + ", " + name + ", " + argument.required() + ", "
                    + JavaText.literal(argument.defaultValue()) + ")";
            case HEADER -> witness + "header(" + index + ", " + name + ", " + argument.required() + ", "
                    + JavaText.literal(argument.defaultValue()) + ")";
            case BODY -> witness + "body(" + index + ", " + argument.required() + ", " + argument.valid() + ")";
            case SESSION -> "a.session()";
            case REQUEST -> "a.request()";
            case UNSUPPORTED -> throw new IllegalArgumentException("argument '" + argument.name()
                    + "' is not supported: " + argument.unsupported());
        };
    }
}
