package dev.strangler.gateway.web;

import dev.strangler.gateway.routing.RequestFacts;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;

/**
 * The route-matching view of a Netty request on the raw proxy path: the same answers as {@link NettyFacts} gives for
 * the same request (raw path without the query; cookies decoded as Reactor Netty's server decodes them, strictly).
 */
final class RawRequestFacts implements RequestFacts {

    private final HttpRequest request;
    private final String path;

    RawRequestFacts(HttpRequest request) {
        this.request = request;
        this.path = NettyFacts.rawPath(request.uri());
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String header(String name) {
        return request.headers().get(name);
    }

    @Override
    public String cookie(String name) {
        for (String header : request.headers().getAll(HttpHeaderNames.COOKIE)) {
            for (Cookie cookie : ServerCookieDecoder.STRICT.decode(header)) {
                if (cookie.name().equals(name)) {
                    return cookie.value();
                }
            }
        }
        return null;
    }
}
