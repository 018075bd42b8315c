package dev.strangler.extraction.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Status and normalised JSON body of one answer, as the integration tests compare the monolith's with a function's.
 *
 * <p>Normalisation: bodies are compared as JSON trees (member order and spacing do not count); a {@code timestamp}
 * member of an error body and the reference number of a 500 are left out; the supported methods a 405 lists are
 * sorted (Spring's order differs from one start of the monolith to the next). Headers are not compared (the
 * monolith also sets a session cookie, the gateway its request id).
 *
 * @param status the HTTP status
 * @param body the normalised body, or null when there was none
 */
public record Answer(int status, JsonNode body) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SUPPORTED = Pattern.compile("supported: \\[([A-Z, ]+)]");

    public static Answer of(int status, String text) {
        if (text == null || text.isEmpty()) {
            return new Answer(status, null);
        }
        JsonNode body = JSON.readTree(text);
        if (body instanceof ObjectNode object) {
            object.remove("timestamp");
            String message = object.path("message").asString("");
            if (message.startsWith("internal error, reference ")) {
                object.put("message", "internal error, reference (left out)");
            }
            Matcher supported = SUPPORTED.matcher(message);
            if (supported.find()) {
                List<String> methods = new ArrayList<>(List.of(supported.group(1).split(", ")));
                Collections.sort(methods);
                object.put("message", message.substring(0, supported.start(1)) + String.join(", ", methods)
                        + message.substring(supported.end(1)));
            }
        }
        return new Answer(status, body);
    }
}
