package dev.strangler.gateway.web;

import dev.strangler.gateway.routing.RequestFacts;
import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** The route-matching view of a WebFlux request. */
final class ExchangeFacts implements RequestFacts {

    private final ServerHttpRequest request;

    ExchangeFacts(ServerHttpRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.getMethod().name();
    }

    @Override
    public String path() {
        return request.getPath().pathWithinApplication().value();
    }

    @Override
    public String header(String name) {
        return request.getHeaders().getFirst(name);
    }

    @Override
    public String cookie(String name) {
        HttpCookie cookie = request.getCookies().getFirst(name);
        return cookie == null ? null : cookie.getValue();
    }
}
