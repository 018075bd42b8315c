package dev.strangler.gateway.routing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides the side for one request: the tester header first, then the route's weight, drawn sticky from a hash
 * of the stickiness key (stable across restarts and instances) or at random when the request has no key.
 * A user whose bucket is below the weight is on the target, so raising the weight only ever moves users from the
 * monolith to the target. Stateless and thread-safe.
 */
public final class SideChooser {

    private SideChooser() {
    }

    /** The side for a request matching {@code route}. */
    public static Side choose(Route route, RequestFacts request) {
        if (!route.isMoved()) {
            return Side.MONOLITH;
        }
        String forced = request.header(route.testerHeader());
        if (forced != null) {
            String value = forced.trim().toLowerCase(Locale.ROOT);
            if (value.equals("monolith")) {
                return Side.MONOLITH;
            }
            if (value.equals("target") || value.equals("function") || value.equals("lambda")) {
                return Side.TARGET;
            }
        }
        if (route.weight() == 0) {
            return Side.MONOLITH;
        }
        if (route.weight() == 100) {
            return Side.TARGET;
        }
        String key = stickinessKey(route, request);
        int bucket = key == null ? ThreadLocalRandom.current().nextInt(100) : bucket(key);
        return bucket < route.weight() ? Side.TARGET : Side.MONOLITH;
    }

    /** The bucket (0–99) of a stickiness key: 64-bit FNV-1a with a final mix, the same on every JVM. */
    public static int bucket(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return (int) Long.remainderUnsigned(hash, 100);
    }

    private static String stickinessKey(Route route, RequestFacts request) {
        Stickiness sticky = route.stickyBy();
        if (sticky == null) {
            return null;
        }
        String value = sticky.source() == Stickiness.Source.HEADER
                ? request.header(sticky.name()) : request.cookie(sticky.name());
        return value == null || value.isEmpty() ? null : value;
    }
}
