package dev.strangler.extraction.plain;

import java.util.Objects;

/**
 * One entry of the generated route table, as Java text the template lays out.
 *
 * @param httpMethod the HTTP method
 * @param path the Spring path template
 * @param declaration the Java expression that creates the {@code Route}
 * @param unsupported why it answers 501, or null when it is bound
 */
record GeneratedRoute(String httpMethod, String path, String declaration, String unsupported) {

    GeneratedRoute {
        Objects.requireNonNull(httpMethod, "httpMethod");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(declaration, "declaration");
    }

    boolean isSupported() {
        return unsupported == null;
    }
}
