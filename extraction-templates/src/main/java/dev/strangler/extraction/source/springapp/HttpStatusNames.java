package dev.strangler.extraction.source.springapp;

import java.util.HashMap;
import java.util.Map;

/** Spring's {@code HttpStatus} constant names and their codes, so a declared status is read without Spring. */
final class HttpStatusNames {

    private static final Map<String, Integer> CODES = new HashMap<>();

    static {
        String table = """
                CONTINUE 100 SWITCHING_PROTOCOLS 101 OK 200 CREATED 201 ACCEPTED 202 NON_AUTHORITATIVE_INFORMATION 203
                NO_CONTENT 204 RESET_CONTENT 205 PARTIAL_CONTENT 206 MULTIPLE_CHOICES 300 MOVED_PERMANENTLY 301 FOUND 302
                SEE_OTHER 303 NOT_MODIFIED 304 TEMPORARY_REDIRECT 307 PERMANENT_REDIRECT 308 BAD_REQUEST 400
                UNAUTHORIZED 401 PAYMENT_REQUIRED 402 FORBIDDEN 403 NOT_FOUND 404 METHOD_NOT_ALLOWED 405
                NOT_ACCEPTABLE 406 REQUEST_TIMEOUT 408 CONFLICT 409 GONE 410 LENGTH_REQUIRED 411 PRECONDITION_FAILED 412
                PAYLOAD_TOO_LARGE 413 CONTENT_TOO_LARGE 413 URI_TOO_LONG 414 UNSUPPORTED_MEDIA_TYPE 415 I_AM_A_TEAPOT 418
                UNPROCESSABLE_ENTITY 422 UNPROCESSABLE_CONTENT 422 LOCKED 423 FAILED_DEPENDENCY 424 TOO_EARLY 425
                UPGRADE_REQUIRED 426 PRECONDITION_REQUIRED 428 TOO_MANY_REQUESTS 429 INTERNAL_SERVER_ERROR 500
                NOT_IMPLEMENTED 501 BAD_GATEWAY 502 SERVICE_UNAVAILABLE 503 GATEWAY_TIMEOUT 504""";
        String[] words = table.split("\\s+");
        for (int i = 0; i + 1 < words.length; i += 2) {
            CODES.put(words[i], Integer.parseInt(words[i + 1]));
        }
    }

    private HttpStatusNames() {
    }

    /** The code of a constant name; an unknown name counts as 500, as an error would. */
    static int code(String name) {
        if (name.matches("\\d{3}")) {
            return Integer.parseInt(name);
        }
        return CODES.getOrDefault(name, 500);
    }
}
