package dev.strangler.analyzer.cli;

import dev.strangler.analyzer.core.ModelFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --fitness} writes the fitness functions next to the report, and only then. */
class FitnessOptionTest {
    @TempDir
    Path temp;

    private int run(String... args) {
        return AnalyzeCommand.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                (root, classpath, threads, progress) -> ModelFixtures.shop());
    }

    @Test
    void writes_the_archunit_class_and_the_jqassistant_rules_under_the_report() throws IOException {
        Path report = temp.resolve("report");

        run(temp.toString(), "--out", report.toString(), "--quiet", "--fitness");

        Path fitness = report.resolve("fitness");
        assertThat(report.resolve("decomposition.json")).isRegularFile();
        assertThat(fitness.resolve("archunit/com/acme/CandidateBoundariesTest.java")).content()
                .contains("package com.acme;", "public class CandidateBoundariesTest", "FreezingArchRule.freeze");
        assertThat(fitness.resolve("archunit/archunit.properties")).content().contains("freeze.store.default.path=");
        assertThat(fitness.resolve("jqassistant/.jqassistant.yml")).content().startsWith("#")
                .contains("jqassistant:\n  analyze:\n    groups:\n      - strangler:Boundaries");
        assertThat(fitness.resolve("jqassistant/jqassistant/strangler-boundaries.xml")).content()
                .contains("xmlns=\"http://schema.jqassistant.org/rule/v2.8\"", "<constraint id=\"strangler:CandidateBoundaries\"");
        assertThat(fitness.resolve("README.md")).content().contains("<artifactId>jqassistant-maven-plugin</artifactId>");
    }

    @Test
    void without_the_option_only_the_reports_are_written() throws IOException {
        Path report = temp.resolve("report");

        run(temp.toString(), "--out", report.toString(), "--quiet");

        try (var files = Files.list(report)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("decomposition.json", "decomposition.md", "decomposition.html");
        }
    }
}
