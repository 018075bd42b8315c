package dev.strangler.extraction.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.extraction.core.MonolithBuild;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BuildReaderTest {
    private static final Path BUILDS = Path.of("src/test/resources/fixtures/builds");

    @Test
    void resolves_dependency_versions_from_properties_and_the_parents_dependency_management() {
        MonolithBuild build = read("querydsl-lombok", "app");

        assertThat(build.dependencies()).containsExactly(
                "org.springframework.boot:spring-boot-starter-data-mongodb:",
                "com.querydsl:querydsl-mongodb:",
                "org.apache.commons:commons-text:1.12.0",
                "com.google.guava:guava:33.4.0-jre",
                "org.webjars:jquery:3.7.1",
                "org.projectlombok:lombok::provided");
        assertThat(build.springBootVersion()).isEqualTo("4.0.0");
    }

    @Test
    void leaves_out_test_scope_profiles_comments_and_imported_boms() {
        MonolithBuild build = read("querydsl-lombok", "app");

        assertThat(build.dependencies()).noneMatch(d -> d.contains("spring-boot-starter-test")
                || d.contains("only-in-a-profile") || d.contains("commented-out") || d.contains("testcontainers")
                || d.contains("mongo-java-driver") || d.contains("querydsl-apt"));
    }

    @Test
    void carries_the_compilers_annotation_processor_paths_with_their_versions_resolved() {
        MonolithBuild build = read("querydsl-lombok", "app");

        assertThat(build.annotationProcessorPaths()).containsExactly("org.projectlombok:lombok:1.18.42");
    }

    @Test
    void carries_the_plugin_that_runs_querydsls_processor_with_the_properties_the_build_defines_filled_in() {
        MonolithBuild build = read("querydsl-lombok", "app");

        assertThat(build.processorPlugins()).singleElement().satisfies(plugin -> assertThat(plugin)
                .startsWith("<plugin>").endsWith("</plugin>")
                .contains("<artifactId>apt-maven-plugin</artifactId>", "<version>1.1.3</version>",
                        "<processor>org.springframework.data.mongodb.repository.support.MongoAnnotationProcessor</processor>",
                        // defined by Spring Boot's parent, outside these files: left for the generated pom's parent
                        "<version>${querydsl.version}</version>"));
    }

    @Test
    void resolves_the_project_version_and_managed_versions_and_scopes_of_a_build_without_spring_boot_less_its_own_modules() {
        MonolithBuild build = read("plain-spring", "web");

        assertThat(build.dependencies()).containsExactly(
                "org.springframework:spring-jdbc:2.5.6",
                "org.springframework.security:spring-security-acl:2.0.8",
                "javax.servlet:servlet-api:2.4:provided",
                "hsqldb:hsqldb:1.8.0.7");
        assertThat(build.springBootVersion()).isNull();
        assertThat(build.annotationProcessorPaths()).isEmpty();
        assertThat(build.processorPlugins()).isEmpty();
    }

    @Test
    void a_candidate_spread_over_modules_gets_the_libraries_and_processors_of_each() {
        Path root = BUILDS.resolve("querydsl-lombok");

        MonolithBuild build = new BuildReader().read(root, java.util.List.of(
                root.resolve("src/main/java/org/example/Parent.java"), root.resolve("app/src/main/java/org/example/Shop.java")));

        assertThat(build.dependencies()).startsWith("org.projectlombok:lombok::provided")
                .contains("com.google.guava:guava:33.4.0-jre").doesNotHaveDuplicates();
        // the apt plugin of the app module runs over the app module's packages only
        assertThat(build.processorPlugins()).singleElement().satisfies(plugin -> assertThat(plugin)
                .contains("<configuration><includes><include>org/example/**</include></includes>"));
        assertThat(build.foundIn()).isEqualTo("pom.xml and the builds of 1 more module(s) holding the candidate's classes");
    }

    private static MonolithBuild read(String scenario, String module) {
        Path root = BUILDS.resolve(scenario);
        return new BuildReader().read(root, root.resolve(module).resolve("src/main/java/org/example/Shop.java"));
    }
}
