package dev.strangler.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Request ids and W3C trace context values. Stateless and thread-safe. */
final class Tracing {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private Tracing() {
    }

    /** The client's request id when it is a sane token, else a new one. */
    static String requestId(String incoming) {
        if (incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches()) {
            return incoming;
        }
        return hex(16);
    }

    /**
     * The traceparent to send downstream: the caller's trace with the gateway as the new parent span, or a new
     * sampled trace when the caller sent none (or a malformed one).
     */
    static String traceparent(String incoming) {
        if (incoming != null) {
            var matcher = TRACEPARENT_FORMAT.matcher(incoming.trim());
            if (matcher.matches() && !matcher.group(1).equals("0".repeat(32))) {
                return "00-" + matcher.group(1) + "-" + hex(8) + "-" + matcher.group(3);
            }
        }
        return "00-" + hex(16) + "-" + hex(8) + "-01";
    }

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** {@code bytes} random bytes as lower-case hex (a multiple of 8 bytes: one random long per 16 digits). */
    static String hex(int bytes) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] out = new byte[bytes * 2];
        for (int i = 0; i < out.length; i += 16) {
            long bits = random.nextLong();
            for (int j = 0; j < 16; j++) {
                out[i + j] = HEX_DIGITS[(int) (bits >>> (60 - 4 * j)) & 15];
            }
        }
        return new String(out, StandardCharsets.US_ASCII);
    }
}
