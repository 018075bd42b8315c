package dev.strangler.gateway.routing;

import dev.strangler.gateway.comparison.BodyPointer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Whether a route copies requests the monolith serves to its target in the background, to compare the answers
 * (shadow traffic). Off unless {@code percent} is above 0.
 *
 * @param percent share (0–100) of the route's monolith-served requests copied to the target
 * @param unsafeMethods whether POST, PUT, PATCH and DELETE are copied too (they may change data on the target)
 * @param ignoreHeaders response header names (lower case) left out of the comparison, beyond {@link #ALWAYS_IGNORED}
 * @param ignoreBodyPaths places in a JSON body left out of the comparison (volatile fields: ids, timestamps), sorted
 * @param noiseSamplePercent share (0–100) of copied safe requests also sent a second time to the monolith, to learn
 *                           where it varies on its own (noise)
 */
public record Shadow(int percent, boolean unsafeMethods, Set<String> ignoreHeaders, List<BodyPointer> ignoreBodyPaths,
                     int noiseSamplePercent) {

    /** No shadow traffic: the default of every route. */
    public static final Shadow OFF = new Shadow(0, false, Set.of());

    /**
     * Response headers that differ between any two answers and whose values are never compared (of
     * {@code set-cookie} only the cookie names are, unless a route ignores it too).
     */
    public static final Set<String> ALWAYS_IGNORED = Set.of("date", "server", "content-length", "transfer-encoding",
            "connection", "keep-alive", "set-cookie", "x-request-id", "traceparent");

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9a-z-]+");

    public Shadow {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("shadow percent must be between 0 and 100, but was " + percent);
        }
        TreeSet<String> names = new TreeSet<>();
        for (String name : Objects.requireNonNull(ignoreHeaders, "ignoreHeaders")) {
            String lower = Objects.requireNonNull(name, "ignoreHeaders element").trim().toLowerCase(Locale.ROOT);
            if (!HEADER_NAME.matcher(lower).matches()) {
                throw new IllegalArgumentException("shadow ignore-headers must hold header names like 'x-trace',"
                        + " but held '" + name + "'");
            }
            names.add(lower);
        }
        ignoreHeaders = Set.copyOf(names);
        ignoreBodyPaths = Objects.requireNonNull(ignoreBodyPaths, "ignoreBodyPaths").stream().distinct().sorted().toList();
        if (noiseSamplePercent < 0 || noiseSamplePercent > 100) {
            throw new IllegalArgumentException("shadow noise-sample-percent must be between 0 and 100, but was "
                    + noiseSamplePercent);
        }
    }

    /** A shadow comparing headers and whole bodies, learning no noise. */
    public Shadow(int percent, boolean unsafeMethods, Set<String> ignoreHeaders) {
        this(percent, unsafeMethods, ignoreHeaders, List.of(), 0);
    }

    /** Whether a copied request with this (upper-case) method may also be sent to the monolith a second time. */
    public boolean learnsNoiseFrom(String method) {
        return noiseSamplePercent > 0 && SAFE_METHODS.contains(method);
    }

    /** Whether any request is copied at all. */
    public boolean isOn() {
        return percent > 0;
    }

    /** Whether a request with this (upper-case) method may be copied. */
    public boolean copies(String method) {
        return unsafeMethods || SAFE_METHODS.contains(method);
    }

    /** Whether a response header (any case) takes part in the comparison. */
    public boolean compares(String headerName) {
        String lower = headerName.toLowerCase(Locale.ROOT);
        return !ALWAYS_IGNORED.contains(lower) && !ignoreHeaders.contains(lower);
    }
}
