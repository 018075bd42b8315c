package dev.strangler.extraction.core;

import java.util.List;
import java.util.Objects;

/**
 * What the monolith's build says about the generated function's stack.
 *
 * @param springBootVersion the monolith's Spring Boot version, or null when it could not be told
 * @param foundIn where the version was read ({@code pom.xml}, {@code build.gradle}) or why it was not
 * @param jdbcDrivers {@code groupId:artifactId} of the JDBC drivers the monolith declares
 * @param dependencies the monolith's own compile and runtime dependencies, {@code groupId:artifactId[:version]}
 *                     (the version only where the build gives one that a Boot BOM does not manage)
 * @param properties the monolith's {@code application.properties} lines that still apply to the function
 *                   (datasource, schema migration, server and scheduling settings left out)
 */
public record MonolithBuild(String springBootVersion, String foundIn, List<String> jdbcDrivers,
                            List<String> dependencies, List<String> properties) {
    public MonolithBuild {
        Objects.requireNonNull(foundIn, "foundIn");
        jdbcDrivers = List.copyOf(jdbcDrivers);
        dependencies = List.copyOf(dependencies);
        properties = List.copyOf(properties);
    }

    /** The major version (3, 4, ...), or 0 when the version is unknown. */
    public int springBootMajor() {
        if (springBootVersion == null) {
            return 0;
        }
        try {
            return Integer.parseInt(springBootVersion.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
