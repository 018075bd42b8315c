package dev.strangler.extraction.plain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.extraction.core.Route;
import dev.strangler.extraction.source.springapp.Argument;
import dev.strangler.extraction.source.springapp.Component;
import dev.strangler.extraction.source.springapp.HandlerMethod;
import dev.strangler.extraction.source.springapp.Injection;
import dev.strangler.extraction.source.springapp.SpringApplication;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteCodeTest {

    private static final Component CONTROLLER = new Component("shop.web.CartController", Component.Kind.CONTROLLER,
            List.of(), List.of(new Injection("service", "shop.app.CartService", "shop.app.CartService", null)),
            List.of(), false, null);
    private static final Component SERVICE = new Component("shop.app.CartService", Component.Kind.COMPONENT,
            List.of(), List.of(), List.of(), true, null);

    @Test
    void binds_each_argument_with_its_own_call_in_parameter_order() {
        HandlerMethod update = new HandlerMethod("shop.web.CartController", "update", List.of("PUT"), List.of(
                new Argument(Argument.Kind.PATH, "productId", "long", true, null, false, null),
                new Argument(Argument.Kind.PARAM, "customerId", "java.lang.Long", false, null, false, null),
                new Argument(Argument.Kind.BODY, "request", "shop.dto.QuantityRequest", true, null, true, null),
                new Argument(Argument.Kind.SESSION, "session", "jakarta.servlet.http.HttpSession", false, null, false,
                        null)), 200, false);

        GeneratedRoute route = code(update, CONTROLLER, SERVICE)
                .route(new Route("PUT", "/api/cart/items/{productId}", "shop.web.CartController#update"));

        assertThat(route.isSupported()).isTrue();
        assertThat(route.declaration()).contains("Route.of(\"PUT\", \"/api/cart/items/{productId}\","
                + " shop.web.CartController.class, \"update\", new Class<?>[] {long.class, java.lang.Long.class,"
                + " shop.dto.QuantityRequest.class, jakarta.servlet.http.HttpSession.class}, 200,")
                .contains("a -> beans.cartController.update(a.<java.lang.Long>path(0, \"productId\"),"
                        + " a.<java.lang.Long>param(1, \"customerId\", false, null),"
                        + " a.<shop.dto.QuantityRequest>body(2, true, true), a.session())");
    }

    @Test
    void a_void_handler_answers_its_declared_status_with_no_body() {
        HandlerMethod clear = new HandlerMethod("shop.web.CartController", "clear", List.of("DELETE"), List.of(), 204,
                true);

        GeneratedRoute route = code(clear, CONTROLLER, SERVICE)
                .route(new Route("DELETE", "/api/cart", "shop.web.CartController#clear"));

        assertThat(route.declaration()).contains("new Class<?>[] {}, 204,")
                .contains("beans.cartController.clear();\n").contains("return null;");
    }

    @Test
    void a_route_with_an_argument_it_cannot_bind_answers_501_with_the_reason() {
        HandlerMethod me = new HandlerMethod("shop.web.CartController", "me", List.of("GET"), List.of(
                new Argument(Argument.Kind.UNSUPPORTED, "who", "java.security.Principal", false, null, false,
                        "not bound")), 200, false);

        GeneratedRoute route = code(me, CONTROLLER, SERVICE)
                .route(new Route("GET", "/api/me", "shop.web.CartController#me"));

        assertThat(route.isSupported()).isFalse();
        assertThat(route.unsupported()).isEqualTo("parameter 'who' (java.security.Principal): not bound");
        assertThat(route.declaration()).startsWith("Route.unsupported(\"GET\", \"/api/me\", shop.web.CartController.class,"
                + " \"me\", new Class<?>[] {java.security.Principal.class}, \"parameter 'who'");
    }

    @Test
    void a_route_whose_controller_cannot_be_built_answers_501_naming_the_missing_bean() {
        HandlerMethod get = new HandlerMethod("shop.web.CartController", "get", List.of("GET"), List.of(), 200, false);

        GeneratedRoute route = code(get, CONTROLLER).route(new Route("GET", "/api/cart", "shop.web.CartController#get"));

        assertThat(route.unsupported()).isEqualTo("CartController is not built: its 'service' needs a"
                + " shop.app.CartService, and no moved class provides one");
    }

    @Test
    void a_route_whose_handler_is_not_in_the_sources_is_kept_and_answers_501() {
        GeneratedRoute route = code(null, CONTROLLER, SERVICE)
                .route(new Route("GET", "/api/gone", "shop.web.GoneController#get"));

        assertThat(route.unsupported()).isEqualTo("handler shop.web.GoneController#get was not found in the moved sources");
        assertThat(route.declaration()).startsWith("Route.unsupported(\"GET\", \"/api/gone\", null, null, null,");
    }

    @Test
    void escapes_names_and_defaults_as_java_string_literals() {
        assertThat(RouteCode.argument(3, new Argument(Argument.Kind.HEADER, "X-\"Quoted\"", "java.lang.String", false,
                "a\\b", false, null))).isEqualTo("a.<java.lang.String>header(3, \"X-\\\"Quoted\\\"\", false, \"a\\\\b\")");
    }

    private static RouteCode code(HandlerMethod handler, Component... components) {
        SpringApplication application = new SpringApplication(List.of(components), List.of(), java.util.Map.of(), false,
                handler == null ? List.of() : List.of(handler), List.of());
        return new RouteCode(application, Wiring.of(List.of(components)));
    }
}
