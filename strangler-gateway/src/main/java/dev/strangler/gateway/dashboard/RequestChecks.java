package dev.strangler.gateway.dashboard;

import java.net.URI;
import java.util.Locale;

/** Reads what the dashboard's requests carry: a cookie by name, whether an Origin is the admin port's own. Stateless. */
public final class RequestChecks {

    private RequestChecks() {
    }

    /** The value of cookie {@code name} in a {@code Cookie} header, or null. */
    public static String cookie(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String pair : header.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                return pair.substring(eq + 1).trim();
            }
        }
        return null;
    }

    /**
     * Whether a request may change something: without an {@code Origin} header (not sent by a browser from another
     * site, which always sends one on such a request), or with one naming the same host and port as {@code Host}.
     */
    public static boolean isSameOrigin(String origin, String host) {
        if (origin == null) {
            return true;
        }
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return false;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            String hostPort = uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
            String given = host.toLowerCase(Locale.ROOT);
            return given.equals(hostPort) || (port == 80 || port == 443) && given.equals(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
