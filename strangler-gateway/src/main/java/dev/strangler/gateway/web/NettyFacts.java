package dev.strangler.gateway.web;

import dev.strangler.gateway.routing.RequestFacts;
import io.netty.handler.codec.http.cookie.Cookie;
import java.net.URI;
import java.util.Set;
import reactor.netty.http.server.HttpServerRequest;

/**
 * The route-matching view of a Reactor Netty request, for the direct proxy path; the same answers as
 * {@link ExchangeFacts} gives for the same request (the path is the raw one, without the query).
 */
final class NettyFacts implements RequestFacts {

    private final HttpServerRequest request;
    private final String path;

    NettyFacts(HttpServerRequest request) {
        this.request = request;
        this.path = rawPath(request.uri());
    }

    /** The raw path of a request target: origin form ({@code /a/b?q}) or, rarely, absolute form. */
    static String rawPath(String target) {
        if (!target.startsWith("/")) {
            String raw = URI.create(target).getRawPath();
            return raw == null || raw.isEmpty() ? "/" : raw;
        }
        int end = target.indexOf('?');
        int fragment = target.indexOf('#');
        if (fragment >= 0 && (end < 0 || fragment < end)) {
            end = fragment;
        }
        return end < 0 ? target : target.substring(0, end);
    }

    /** The raw query of a request target, with its {@code ?}, or the empty string. */
    static String rawQuery(String target) {
        if (!target.startsWith("/")) {
            String raw = URI.create(target).getRawQuery();
            return raw == null ? "" : "?" + raw;
        }
        int start = target.indexOf('?');
        if (start < 0) {
            return "";
        }
        int fragment = target.indexOf('#', start);
        return fragment < 0 ? target.substring(start) : target.substring(start, fragment);
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
        return request.requestHeaders().get(name);
    }

    @Override
    public String cookie(String name) {
        Set<Cookie> cookies = request.cookies().get(name);
        return cookies == null || cookies.isEmpty() ? null : cookies.iterator().next().value();
    }
}
