package dev.strangler.analyzer.fitness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated jQAssistant rules, run by the real jQAssistant Maven plugin (2.8.0, embedded store) through the
 * repository's Maven wrapper on a tiny project holding the sample monolith's classes. Dedicated and slow: the first
 * run downloads about 185 MB, and each of its three Maven runs takes 20 s to 3 min on a busy build machine.
 */
class JqassistantFitnessIT {
    private static final Path MAVEN_WRAPPER = Path.of(System.getProperty("os.name").startsWith("Windows")
            ? "../mvnw.cmd" : "../mvnw");

    @TempDir
    Path work;

    @Test
    void the_rules_record_a_baseline_pass_on_the_sample_and_fail_on_the_forbidden_call_naming_it() throws Exception {
        Path project = project(new FitnessWriter().render(SampleMonolith.decomposition()));
        copy(SampleMonolith.classes(), project.resolve("target/classes"));

        Run first = maven(project);
        assertThat(first.exitCode()).as("the first run reports today's violations: %s", first.output()).isNotZero();
        assertThat(first.output()).contains("Constraint: strangler:CandidateBoundaries",
                "Candidate=shared-kernel, Class=com.acmeshop.AcmeShopApplication, OtherCandidate=orders, "
                        + "Uses=com.acmeshop.config.ShopProperties");
        assertThat(project.resolve("jqassistant/jqassistant-baseline.xml")).content()
                .contains("<constraint id=\"strangler:CandidateBoundaries\">", "com.acmeshop.AcmeShopApplication");

        Run asItIs = maven(project);
        assertThat(asItIs.exitCode()).as("the sample as it is, over the baseline: %s", asItIs.output()).isZero();

        SampleMonolith.classesWithForbiddenCall(work.resolve("with-forbidden-call"));
        copy(work.resolve("with-forbidden-call"), project.resolve("target/classes"));
        Run forbidden = maven(project);
        assertThat(forbidden.exitCode()).as("with the forbidden call: %s", forbidden.output()).isNotZero();
        assertThat(forbidden.output()).contains("Constraint: strangler:CandidateBoundaries",
                "Candidate=coupon, Class=com.acmeshop.dto.CouponDto, OtherCandidate=orders, "
                        + "Uses=com.acmeshop.model.CustomerOrder, "
                        + "CallSites=appliedTo calls com.acmeshop.model.CustomerOrder.getOrderNumber at line 23",
                "Constraint: strangler:NoNewCrossCandidateTableAccess",
                "Candidate=coupon, Class=com.acmeshop.dto.CouponDto, Tables=customer_order (owned by orders)")
                .doesNotContain("Class=com.acmeshop.AcmeShopApplication");
    }

    private Path project(Map<String, String> files) throws IOException {
        Path project = work.resolve("project");
        SampleMonolith.write(Map.of(".jqassistant.yml", files.get("jqassistant/.jqassistant.yml"),
                "jqassistant/strangler-boundaries.xml", files.get("jqassistant/jqassistant/strangler-boundaries.xml")),
                project);
        String readme = files.get("README.md");
        String plugin = readme.substring(readme.indexOf("```xml\n") + 7, readme.indexOf("\n```", readme.indexOf("```xml")));
        String pom = Files.readString(Path.of("src/test/resources/fixtures/fitness-jqassistant/pom.xml"));
        Files.writeString(project.resolve("pom.xml"), pom.replace("<!-- PLUGIN -->", plugin));
        return project;
    }

    private record Run(int exitCode, String output) {
    }

    private Run maven(Path project) throws IOException, InterruptedException {
        assertThat(MAVEN_WRAPPER).as("the repository's Maven wrapper").isRegularFile();
        Path log = Files.createTempFile(work, "maven", ".log");
        Process process = new ProcessBuilder(List.of(MAVEN_WRAPPER.toAbsolutePath().toString(), "-B", "-f",
                project.resolve("pom.xml").toString(), "jqassistant:scan", "jqassistant:analyze"))
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("jQAssistant did not finish within 15 minutes; its output: " + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
