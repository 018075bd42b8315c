package dev.strangler.gateway.routing;

import java.util.Locale;
import java.util.Objects;

/**
 * Where the key that keeps one user on one side during a canary comes from.
 *
 * @param source a request header or a cookie
 * @param name the header or cookie name
 */
public record Stickiness(Source source, String name) {

    /** Where the key is read from. */
    public enum Source { HEADER, COOKIE }

    public Stickiness {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("stickiness name must not be blank, but was '" + name + "'");
        }
    }

    /** Parses {@code header:X-User-Id} or {@code cookie:SESSION}. */
    public static Stickiness parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("sticky-by must read header:<name> or cookie:<name>, but was '" + text + "'");
        }
        String kind = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String name = text.substring(colon + 1).trim();
        return switch (kind) {
            case "header" -> new Stickiness(Source.HEADER, name);
            case "cookie" -> new Stickiness(Source.COOKIE, name);
            default -> throw new IllegalArgumentException(
                    "sticky-by must read header:<name> or cookie:<name>, but was '" + text + "'");
        };
    }

    @Override
    public String toString() {
        return source.name().toLowerCase(Locale.ROOT) + ":" + name;
    }
}
