package dev.strangler.gateway.web;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
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

    /** Hop-by-hop headers (RFC 9110, 7.6.1), as Spring Cloud Gateway's RemoveHopByHopHeadersFilter lists them. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "proxy-authorization", "proxy-authenticate", "x-application-context", "upgrade", "proxy-connection");
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
        Set<String> named = connectionTokens(in.getAll("connection"));
        HttpHeaders out = new DefaultHttpHeaders(false);
        List<String> forwardedFor = new ArrayList<>(1);
        StringBuilder proto = new StringBuilder();
        StringBuilder port = new StringBuilder();
        StringBuilder host = new StringBuilder();
        for (Map.Entry<String, String> header : in) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            String value = header.getValue();
            switch (name) {
                case "host", "x-request-id", "traceparent" -> { }
                case "x-forwarded-for" -> {
                    if (trustedClient && trusted.matcher(value).matches()) {
                        forwardedFor.add(value);
                    }
                }
                case "x-forwarded-proto" -> appendIf(trustedClient, proto, value);
                case "x-forwarded-port" -> appendIf(trustedClient, port, value);
                case "x-forwarded-host" -> appendIf(trustedClient, host, value);
                case "forwarded" -> keepTrustedForwarded(out, value, trustedClient, trusted);
                default -> {
                    if (name.startsWith("x-forwarded-") && !trustedClient) {
                        break; // X-Forwarded-Prefix and the like from an untrusted client
                    }
                    if (!HOP_BY_HOP.contains(name) && !named.contains(name)) {
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
        out.add(FORWARDED, forwarded(client, in.get("host")));
        out.set(Tracing.REQUEST_ID_HEADER, requestId);
        out.set(Tracing.TRACEPARENT, traceparent);
        return out;
    }

    /**
     * Without trusted proxies configured, Spring Cloud Gateway writes no forwarding headers and passes the client's
     * on: so does this path.
     */
    private static HttpHeaders withoutForwarding(HttpHeaders in, String requestId, String traceparent) {
        Set<String> named = connectionTokens(in.getAll("connection"));
        HttpHeaders out = new DefaultHttpHeaders(false);
        for (Map.Entry<String, String> header : in) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !named.contains(name) && !name.equals("host")
                    && !name.equals("x-request-id") && !name.equals("traceparent")) {
                out.add(header.getKey(), header.getValue());
            }
        }
        out.set(Tracing.REQUEST_ID_HEADER, requestId);
        out.set(Tracing.TRACEPARENT, traceparent);
        return out;
    }

    /** Copies the upstream's response headers {@code from} into {@code to}, without hop-by-hop headers. */
    static void fromUpstream(HttpHeaders from, HttpHeaders to) {
        Set<String> named = connectionTokens(from.getAll("connection"));
        boolean requestIdReplaced = false;
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(name) || named.contains(name)) {
                continue;
            }
            if (!requestIdReplaced && name.equals("x-request-id")) {
                to.remove(name); // the upstream's own id wins, as with Spring Cloud Gateway's copy
                requestIdReplaced = true;
            }
            to.add(header.getKey(), header.getValue());
        }
    }

    private static Set<String> connectionTokens(List<String> connection) {
        if (connection.isEmpty()) {
            return Set.of();
        }
        Set<String> tokens = new java.util.HashSet<>();
        for (String value : connection) {
            for (String token : value.split(",")) {
                tokens.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return tokens;
    }

    private static void appendIf(boolean trustedClient, StringBuilder values, String value) {
        if (trustedClient) {
            append(values, value);
        }
    }

    private static String append(StringBuilder values, String value) {
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
