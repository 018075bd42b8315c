package dev.strangler.gateway.web;

import tools.jackson.databind.JsonNode;

/**
 * The version of a route an admin's change is based on: from the {@code If-Match} header ({@code "7"}, {@code 7} or
 * {@code W/"7"}; {@code *} is any version) or a {@code version} field of the JSON body. Stateless.
 */
final class ExpectedVersion {

    private ExpectedVersion() {
    }

    /**
     * The expected version, or null for any; throws {@link IllegalArgumentException} naming the value when it is no
     * version, or when header and body disagree.
     */
    static Long of(String ifMatch, JsonNode body) {
        Long fromHeader = fromHeader(ifMatch);
        Long fromBody = fromBody(body);
        if (fromHeader != null && fromBody != null && !fromHeader.equals(fromBody)) {
            throw new IllegalArgumentException("If-Match says version " + fromHeader + " but the body's \"version\" says "
                    + fromBody + "; send one of them");
        }
        return fromHeader != null ? fromHeader : fromBody;
    }

    static Long fromHeader(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below with the value
        }
        throw new IllegalArgumentException("If-Match must name one route version, like \"7\" (the \"version\" of"
                + " GET /routes), but was " + ifMatch);
    }

    private static Long fromBody(JsonNode body) {
        if (body == null || !body.isObject() || !body.has("version") || body.get("version").isNull()) {
            return null;
        }
        JsonNode version = body.get("version");
        if (!version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 0) {
            throw new IllegalArgumentException("version must be the route's version as a whole number (the \"version\""
                    + " of GET /routes), but was " + version);
        }
        return version.asLong();
    }

    /** The ETag of a route version: {@code "7"}. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
