package dev.strangler.gateway.comparison;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The body of one answer as read for a comparison.
 *
 * @param contentType the answer's {@code Content-Type}, {@code ""} when it had none
 * @param bytes the body, or its first bytes when {@code overLimit}
 * @param overLimit whether the body was longer than the reader would keep, so it is not compared
 */
public record Body(String contentType, byte[] bytes, boolean overLimit) {

    public Body {
        contentType = Objects.requireNonNullElse(contentType, "").trim().toLowerCase(Locale.ROOT);
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    /** A complete body. */
    public static Body of(String contentType, byte[] bytes) {
        return new Body(contentType, bytes, false);
    }

    /** A complete body of text, UTF-8. */
    public static Body of(String contentType, String text) {
        return of(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the content type says JSON ({@code application/json}, {@code application/problem+json}, …). */
    boolean isJson() {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon).trim();
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** The body as UTF-8 text, cut to {@code maxBytes} with {@code …} when longer or over the limit. */
    public String excerpt(int maxBytes) {
        if (bytes.length <= maxBytes && !overLimit) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return new String(bytes, 0, Math.min(maxBytes, bytes.length), StandardCharsets.UTF_8) + "…";
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Body that && contentType.equals(that.contentType) && overLimit == that.overLimit
                && java.util.Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentType, overLimit, java.util.Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "Body[" + contentType + ", " + bytes.length + " bytes" + (overLimit ? ", over the limit" : "") + "]";
    }
}
