package dev.strangler.gateway.web;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The header copies of the direct proxy path, each made in one pass: the request's headers as they go upstream
 * (hop-by-hop ones removed, including those named in {@code Connection}; {@code X-Forwarded-*} and {@code Forwarded}
 * written as Spring Cloud Gateway's filters write them for the same trusted proxies; the gateway's request id and
 * traceparent in place of the client's) and the upstream's response headers as they go back. Stateless and
 * thread-safe.
 */
final class ProxyHeaders {

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String X_FORWARDED_PORT = "X-Forwarded-Port";
    private static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    private static final String FORWARDED = "Forwarded";

    private ProxyHeaders() {
    }

    /**
     * Where a request came from, as the forwarding headers tell it on.
     *
     * @param remote the client's address
     * @param scheme {@code http} or {@code https}
     * @param host the host the client asked for, without a default port ({@code X-Forwarded-Host})
     * @param port the port the client asked for, or the scheme's default ({@code X-Forwarded-Port})
     */
    record Client(InetSocketAddress remote, String scheme, String host, int port) {
    }

    /**
     * The headers to send upstream for a request with headers {@code in} from {@code client}. From a client the
     * {@code trusted} pattern (null: none configured) does not match, incoming {@code X-Forwarded-*} and {@code Forwarded} headers are dropped
     * and only a new {@code Forwarded} is written; from a trusted one, they are appended to.
     */
    static HttpHeaders toUpstream(HttpHeaders in, Client client, Pattern trusted, String requestId, String traceparent) {
        if (trusted == null) {
            return withoutForwarding(in, requestId, traceparent);
        }
        boolean trustedClient = client.remote() != null && trusted.matcher(client.remote().getHostString()).matches();
        Set<String> named = connectionTokens(in);
        HttpHeaders out = new DefaultHttpHeaders(false);
        List<String> forwardedFor = new ArrayList<>(1);
        StringBuilder proto = new StringBuilder();
        StringBuilder port = new StringBuilder();
        StringBuilder host = new StringBuilder();
        for (Iterator<Map.Entry<CharSequence, CharSequence>> headers = in.iteratorCharSequence(); headers.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = headers.next();
            CharSequence value = header.getValue();
            switch (Name.of(header.getKey())) {
                case HOST, REQUEST_ID, TRACEPARENT -> { }
                case X_FORWARDED_FOR -> {
                    if (trustedClient && trusted.matcher(value).matches()) {
                        forwardedFor.add(value.toString());
                    }
                }
                case X_FORWARDED_PROTO -> appendIf(trustedClient, proto, value);
                case X_FORWARDED_PORT -> appendIf(trustedClient, port, value);
                case X_FORWARDED_HOST -> appendIf(trustedClient, host, value);
                case FORWARDED -> keepTrustedForwarded(out, value.toString(), trustedClient, trusted);
                case X_FORWARDED_OTHER -> { // X-Forwarded-Prefix and the like: from a trusted client only
                    if (trustedClient && isNotNamed(named, header.getKey())) {
                        out.add(header.getKey(), value);
                    }
                }
                case HOP_BY_HOP -> { }
                case OTHER -> {
                    if (isNotNamed(named, header.getKey())) {
                        out.add(header.getKey(), value);
                    }
                }
            }
        }
        if (trustedClient) {
            forwardedFor.add(client.remote().getHostString());
            out.set(X_FORWARDED_FOR, String.join(",", forwardedFor));
            out.set(X_FORWARDED_PROTO, append(proto, client.scheme()));
            out.set(X_FORWARDED_PORT, append(port, String.valueOf(client.port())));
            out.set(X_FORWARDED_HOST, append(host, client.host()));
        }
        out.add(FORWARDED, forwarded(client, in.get(HttpHeaderNames.HOST)));
        out.set(Tracing.REQUEST_ID_HEADER, requestId);
        out.set(Tracing.TRACEPARENT, traceparent);
        return out;
    }

    /**
     * Without trusted proxies configured, Spring Cloud Gateway writes no forwarding headers and passes the client's
     * on: so does this path.
     */
    private static HttpHeaders withoutForwarding(HttpHeaders in, String requestId, String traceparent) {
        Set<String> named = connectionTokens(in);
        HttpHeaders out = new DefaultHttpHeaders(false);
        for (Iterator<Map.Entry<CharSequence, CharSequence>> headers = in.iteratorCharSequence(); headers.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = headers.next();
            Name name = Name.of(header.getKey());
            if (name != Name.HOP_BY_HOP && name != Name.HOST && name != Name.REQUEST_ID && name != Name.TRACEPARENT
                    && isNotNamed(named, header.getKey())) {
                out.add(header.getKey(), header.getValue());
            }
        }
        out.set(Tracing.REQUEST_ID_HEADER, requestId);
        out.set(Tracing.TRACEPARENT, traceparent);
        return out;
    }

    /** Copies the upstream's response headers {@code from} into {@code to}, without hop-by-hop headers. */
    static void fromUpstream(HttpHeaders from, HttpHeaders to) {
        Set<String> named = connectionTokens(from);
        boolean requestIdReplaced = false;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> headers = from.iteratorCharSequence(); headers.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = headers.next();
            Name name = Name.of(header.getKey());
            if (name == Name.HOP_BY_HOP || !isNotNamed(named, header.getKey())) {
                continue;
            }
            if (!requestIdReplaced && name == Name.REQUEST_ID) {
                to.remove(Tracing.REQUEST_ID_HEADER); // the upstream's own id wins, as with Spring Cloud Gateway's copy
                requestIdReplaced = true;
            }
            to.add(header.getKey(), header.getValue());
        }
    }

    /**
     * The headers the copies treat apart, told from their names without lower-casing them (no copy per header):
     * hop-by-hop ones (RFC 9110, 7.6.1, as Spring Cloud Gateway's RemoveHopByHopHeadersFilter lists them), the
     * forwarding ones, and those the gateway writes itself.
     */
    enum Name {
        HOST, REQUEST_ID, TRACEPARENT, X_FORWARDED_FOR, X_FORWARDED_PROTO, X_FORWARDED_PORT, X_FORWARDED_HOST,
        X_FORWARDED_OTHER, FORWARDED, HOP_BY_HOP, OTHER;

        static Name of(CharSequence name) {
            int length = name.length();
            if (length >= 12 && AsciiString.regionMatches(name, true, 0, "x-forwarded-", 0, 12)) {
                return is(name, "x-forwarded-for") ? X_FORWARDED_FOR : is(name, "x-forwarded-proto") ? X_FORWARDED_PROTO
                        : is(name, "x-forwarded-port") ? X_FORWARDED_PORT : is(name, "x-forwarded-host") ? X_FORWARDED_HOST
                        : X_FORWARDED_OTHER;
            }
            return switch (length) {
                case 2 -> is(name, "te") ? HOP_BY_HOP : OTHER;
                case 4 -> is(name, "host") ? HOST : OTHER;
                case 7 -> is(name, "trailer") || is(name, "upgrade") ? HOP_BY_HOP : OTHER;
                case 9 -> is(name, "forwarded") ? FORWARDED : OTHER;
                case 10 -> is(name, "connection") || is(name, "keep-alive") ? HOP_BY_HOP : OTHER;
                case 11 -> is(name, "traceparent") ? TRACEPARENT : OTHER;
                case 12 -> is(name, "x-request-id") ? REQUEST_ID : OTHER;
                case 16 -> is(name, "proxy-connection") ? HOP_BY_HOP : OTHER;
                case 17 -> is(name, "transfer-encoding") ? HOP_BY_HOP : OTHER;
                case 18 -> is(name, "proxy-authenticate") ? HOP_BY_HOP : OTHER;
                case 19 -> is(name, "proxy-authorization") ? HOP_BY_HOP : OTHER;
                case 21 -> is(name, "x-application-context") ? HOP_BY_HOP : OTHER;
                default -> OTHER;
            };
        }

        private static boolean is(CharSequence name, String lowerCase) {
            return AsciiString.contentEqualsIgnoreCase(name, lowerCase);
        }
    }

    /** Whether {@code name} is not among the headers the {@code Connection} header named (lower case). */
    private static boolean isNotNamed(Set<String> named, CharSequence name) {
        return named.isEmpty() || !named.contains(name.toString().toLowerCase(Locale.ROOT));
    }

    private static Set<String> connectionTokens(HttpHeaders headers) {
        if (!headers.contains(HttpHeaderNames.CONNECTION)) {
            return Set.of();
        }
        Set<String> tokens = null;
        for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                token = token.trim();
                // a hop-by-hop name (keep-alive above all) is dropped anyway: leaving it out spares the per-header check
                if (!token.isEmpty() && Name.of(token) != Name.HOP_BY_HOP) {
                    (tokens == null ? tokens = new java.util.HashSet<>() : tokens).add(token.toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens == null ? Set.of() : tokens;
    }

    private static void appendIf(boolean trustedClient, StringBuilder values, CharSequence value) {
        if (trustedClient) {
            append(values, value);
        }
    }

    private static String append(StringBuilder values, CharSequence value) {
        return (values.isEmpty() ? values : values.append(',')).append(value).toString();
    }

    /** An incoming {@code Forwarded} header's elements whose {@code for} is a trusted proxy, from a trusted client. */
    private static void keepTrustedForwarded(HttpHeaders out, String value, boolean trustedClient, Pattern trusted) {
        if (!trustedClient) {
            return;
        }
        for (String element : value.split(",")) {
            for (String pair : element.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase("for")
                        && trusted.matcher(pair.substring(equals + 1).trim()).matches()) {
                    out.add(FORWARDED, element.trim());
                }
            }
        }
    }

    /** The gateway's own {@code Forwarded} element: {@code proto}, {@code host} (as the client sent it), {@code for}. */
    private static String forwarded(Client client, String hostHeader) {
        StringBuilder value = new StringBuilder(64).append("proto=").append(client.scheme());
        if (hostHeader != null) {
            value.append(";host=").append(quoted(hostHeader));
        }
        InetSocketAddress remote = client.remote();
        if (remote != null) {
            String address = remote.isUnresolved() ? remote.getHostName() : remote.getAddress().getHostAddress();
            if (!remote.isUnresolved() && remote.getAddress() instanceof Inet6Address) {
                address = "[" + address + "]";
            }
            value.append(";for=").append(quoted(address + ":" + remote.getPort()));
        }
        return value.toString();
    }

    private static String quoted(String value) {
        return value.indexOf(':') >= 0 ? "\"" + value + "\"" : value;
    }
}
