package dev.strangler.extraction.core;

import java.util.List;
import java.util.Map;

/**
 * A kind of generated function ({@code spring}, {@code plain}): its own templates, under
 * {@code templates/<name>/}, and the files it adds to the project skeleton every flavor shares (SAM template,
 * route snippet, README, moved code, kernel library, adapters).
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface Flavor {
    /** The name {@code --flavor} takes; also the folder of its templates. */
    String name();

    /** One line for {@code --help} and the README. */
    String description();

    /** The Lambda handler string, {@code a.b.StreamLambdaHandler::handleRequest}. */
    String handler(ExtractionPlan plan);

    /**
     * Values the flavor adds to what every template sees (the shared templates too), such as the build's
     * dependencies for the README.
     */
    Map<String, Object> values(ExtractionPlan plan);

    /** The flavor's own files (build file, handler, tests, configuration), rendered with the given values. */
    List<ProjectFile> files(ExtractionPlan plan, Renderer renderer, Map<String, Object> values);

    /** Problems that stop this flavor from extracting the plan (an unsupported Spring Boot version); empty when fine. */
    List<String> problems(ExtractionPlan plan);
}
