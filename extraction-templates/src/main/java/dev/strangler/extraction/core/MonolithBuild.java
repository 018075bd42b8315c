package dev.strangler.extraction.core;

import java.util.List;
import java.util.Objects;

/**
 * What the monolith's build says about the generated function's stack.
 *
 * @param springBootVersion the monolith's Spring Boot version, or null when it could not be told
 * @param foundIn where the version was read ({@code pom.xml}, {@code build.gradle}) or why it was not
 * @param jdbcDrivers {@code groupId:artifactId} of the JDBC drivers the monolith declares
 * @param dependencies the monolith's own compile, runtime and provided dependencies,
 *                     {@code groupId:artifactId:[version][:provided]} (the version empty where the build leaves it
 *                     to a BOM or gives it as a property)
 * @param properties the monolith's {@code application.properties} lines that still apply to the function
 *                   (datasource, schema migration, server and scheduling settings left out)
 * @param annotationProcessorPaths the compiler's annotation processor path, {@code groupId:artifactId:[version]}
 *                                 (Lombok, Querydsl's apt...), so what the monolith generates at build time exists
 * @param processorPlugins the {@code <plugin>} elements of the build plugins that run annotation processors
 *                         themselves (Querydsl's {@code apt-maven-plugin}), with the properties the build defines
 *                         filled in
 */
public record MonolithBuild(String springBootVersion, String foundIn, List<String> jdbcDrivers,
                            List<String> dependencies, List<String> properties, List<String> annotationProcessorPaths,
                            List<String> processorPlugins) {
    public MonolithBuild {
        Objects.requireNonNull(foundIn, "foundIn");
        jdbcDrivers = List.copyOf(jdbcDrivers);
        dependencies = List.copyOf(dependencies);
        properties = List.copyOf(properties);
        annotationProcessorPaths = List.copyOf(annotationProcessorPaths);
        processorPlugins = List.copyOf(processorPlugins);
    }

    /** A build that says nothing about processors (a Gradle build, or none). */
    public MonolithBuild(String springBootVersion, String foundIn, List<String> jdbcDrivers, List<String> dependencies,
                         List<String> properties) {
        this(springBootVersion, foundIn, jdbcDrivers, dependencies, properties, List.of(), List.of());
    }

    /** This build with the module's {@code application.properties} lines. */
    public MonolithBuild withProperties(List<String> lines) {
        return new MonolithBuild(springBootVersion, foundIn, jdbcDrivers, dependencies, lines, annotationProcessorPaths,
                processorPlugins);
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
