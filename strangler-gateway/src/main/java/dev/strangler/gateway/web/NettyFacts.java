package dev.strangler.gateway.web;

import dev.strangler.gateway.routing.RequestFacts;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.net.URI;

/**
 * The route-matching view of a Netty request, for the raw proxy path and the direct path's Reactor Netty route; the
 * same answers as {@link ExchangeFacts} gives for the same request (the path is the raw one, without the query;
 * cookies decoded as Reactor Netty's server decodes them, strictly, the first of a name).
 */
final class NettyFacts implements RequestFacts {

    private final HttpMethod method;
    private final HttpHeaders headers;
    private final String path;

    NettyFacts(HttpMethod method, String uri, HttpHeaders headers) {
        this.method = method;
        this.headers = headers;
        this.path = rawPath(uri);
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
        return method.name();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public String cookie(String name) {
        for (String header : headers.getAll(HttpHeaderNames.COOKIE)) {
            for (Cookie cookie : ServerCookieDecoder.STRICT.decode(header)) {
                if (cookie.name().equals(name)) {
                    return cookie.value();
                }
            }
        }
        return null;
    }
}
