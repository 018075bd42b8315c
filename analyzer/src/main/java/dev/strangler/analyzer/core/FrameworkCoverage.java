package dev.strangler.analyzer.core;

import java.util.List;
import java.util.Objects;

/**
 * A framework the scan detected in the codebase, how it was detected, and how many entry points were read from it:
 * zero means its requests or jobs are not traced, so the split around them rests on structure.
 *
 * @param framework the framework's name as entry points give it ({@code spring-mvc}, {@code jsf}, {@code stripes}, ...)
 * @param detectedBy the evidence, sorted: {@code dependency spring-webmvc}, {@code descriptor WEB-INF/web.xml},
 *                   {@code annotation @ServerEndpoint}, {@code import javax.faces}
 * @param entryPoints the entry points read from it
 */
public record FrameworkCoverage(String framework, List<String> detectedBy, int entryPoints) {
    public FrameworkCoverage {
        Objects.requireNonNull(framework, "framework");
        detectedBy = List.copyOf(detectedBy);
        if (entryPoints < 0) {
            throw new IllegalArgumentException("entryPoints must not be negative, got " + entryPoints);
        }
    }
}
