package dev.strangler.extraction.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.extraction.core.ExtractionPlan;
import dev.strangler.extraction.core.Flavor;
import dev.strangler.extraction.core.MonolithBuild;
import dev.strangler.extraction.core.ProjectFile;
import dev.strangler.extraction.plain.PlainFlavor;
import dev.strangler.extraction.render.MustacheRenderer;
import dev.strangler.extraction.report.ReportReader;
import dev.strangler.extraction.source.Extractor;
import dev.strangler.extraction.spring.SpringFlavor;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated poms carry the monolith's own libraries and annotation processors: the sample's {@code coupon} plan,
 * with the build of a monolith that uses Lombok, Querydsl's apt plugin and a few libraries of its own.
 */
class PomTemplatesTest {
    private static final String APT_PLUGIN = "<plugin><groupId>com.mysema.maven</groupId>"
            + "<artifactId>apt-maven-plugin</artifactId><version>1.1.3</version></plugin>";
    private static final MonolithBuild BUILD = new MonolithBuild("4.0.9", "pom.xml", java.util.List.of("com.h2database:h2"),
            java.util.List.of("org.springframework.boot:spring-boot-starter-webmvc:", "com.google.guava:guava:33.4.0-jre",
                    "org.projectlombok:lombok::provided", "org.flywaydb:flyway-core:", "com.h2database:h2:",
                    "org.hibernate.orm:hibernate-core:"),
            java.util.List.of(), java.util.List.of("org.projectlombok:lombok:1.18.42", "com.querydsl:querydsl-apt:"),
            java.util.List.of(APT_PLUGIN));
    private static ExtractionPlan plan;

    @BeforeAll
    static void plan_coupon_with_another_build() {
        ExtractionPlan sample = new Extractor(new ReportReader().read(Path.of("..", "reports", "legacy-sample-monolith")),
                Path.of("..", "legacy-sample-monolith")).plan("coupon", null);
        plan = new ExtractionPlan(sample.service(), sample.functionName(), sample.rootPackage(), sample.generatedPackage(),
                BUILD, sample.moved(), sample.kernel(), sample.borrowed(), sample.adapters(), sample.routes(),
                sample.tables(), sample.notes());
    }

    @Test
    void the_plain_pom_keeps_the_monolith_libraries_less_spring_boot_migrations_drivers_and_its_own() {
        String pom = pom(new PlainFlavor());

        assertThat(pom).contains("<artifactId>guava</artifactId>\n            <version>33.4.0-jre</version>",
                "<artifactId>lombok</artifactId>\n            <scope>provided</scope>");
        assertThat(pom).doesNotContain("spring-boot-starter-webmvc", "flyway");
        assertThat(count(pom, "<artifactId>hibernate-core</artifactId>")).isOne();
        assertThat(count(pom, "<artifactId>h2</artifactId>")).isOne();
    }

    @Test
    void both_poms_run_the_monolith_annotation_processors() {
        for (Flavor flavor : new Flavor[] {new PlainFlavor(), new SpringFlavor()}) {
            String pom = pom(flavor);

            assertThat(pom).as(flavor.name()).contains("<annotationProcessorPathsUseDepMgmt>true</annotationProcessorPathsUseDepMgmt>",
                    "<artifactId>lombok</artifactId>\n                            <version>1.18.42</version>",
                    "<artifactId>querydsl-apt</artifactId>\n                        </path>", APT_PLUGIN);
        }
    }

    private static String pom(Flavor flavor) {
        return new Skeleton(new MustacheRenderer(null)).files(plan, flavor).stream().filter(f -> f.path().equals("pom.xml"))
                .findFirst().map(ProjectFile::content).orElseThrow();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
