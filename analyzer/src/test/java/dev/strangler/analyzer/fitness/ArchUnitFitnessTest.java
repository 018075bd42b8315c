package dev.strangler.analyzer.fitness;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generated ArchUnit class, compiled with javac against ArchUnit and evaluated on the sample monolith's compiled
 * classes: it passes on the sample as it is and fails, naming the call, when the fixture adds a forbidden one.
 */
class ArchUnitFitnessTest {
    @TempDir
    static Path work;
    private static SortedMap<String, String> files;
    private static Class<?> generated;
    private static JavaClasses sample;

    @BeforeAll
    static void generate_and_compile_the_test_class() throws Exception {
        sample = new ClassFileImporter().importPath(SampleMonolith.classes());
        files = new FitnessWriter().render(SampleMonolith.decomposition());
        Path sources = work.resolve("generated");
        SampleMonolith.write(files, sources);
        Path classes = Files.createDirectories(work.resolve("generated-classes"));
        SampleMonolith.compile(sources.resolve("archunit"), classes, String.join(File.pathSeparator,
                jarOf(ArchRule.class), jarOf(ArchTest.class), jarOf(AnalyzeClasses.class)));
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ArchUnitFitnessTest.class.getClassLoader());
        generated = loader.loadClass("com.acmeshop.CandidateBoundariesTest");
        ArchConfiguration.get().setProperty("freeze.store.default.path", work.resolve("archunit-store").toString());
        ArchConfiguration.get().setProperty("freeze.store.default.allowStoreCreation", "true");
    }

    @AfterAll
    static void forget_the_freeze_store() {
        ArchConfiguration.get().reset();
    }

    @Test
    void writes_the_test_class_its_freeze_settings_and_the_jqassistant_rules() {
        assertThat(files).containsOnlyKeys("README.md", "archunit/archunit.properties",
                "archunit/com/acmeshop/CandidateBoundariesTest.java", "jqassistant/.jqassistant.yml",
                "jqassistant/jqassistant/strangler-boundaries.xml");
        assertThat(files.get("archunit/archunit.properties"))
                .contains("freeze.store.default.path=src/test/archunit-store", "allowStoreCreation=true");
        assertThat(files.get("archunit/com/acmeshop/CandidateBoundariesTest.java"))
                .contains("@AnalyzeClasses(packages = { \"com.acmeshop\" }", "com.acmeshop.dto.CouponDto=coupon",
                        "com.acmeshop.service.TaxService>com.acmeshop.model.Address",
                        "com.acmeshop.repository.OrderRepository=customer_order (owned by orders)");
        assertThat(files.get("README.md")).contains("<artifactId>jqassistant-maven-plugin</artifactId>",
                "<version>2.8.0</version>");
    }

    @Test
    void without_a_baseline_the_sample_breaks_only_where_the_bytecode_shows_more_than_the_sources() throws Exception {
        Map<String, ArchRule> unfrozen = new TreeMap<>();
        for (String candidate : candidates()) {
            unfrozen.put(candidate + " boundary", invoke("boundaryOf", candidate));
            unfrozen.put(candidate + " tables", invoke("tableAccessOf", candidate));
        }
        List<String> failures = new ArrayList<>();
        unfrozen.forEach((name, rule) -> {
            try {
                rule.check(sample);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        });
        // the one dependency the report's source analysis does not list: a class literal in an annotation
        // (@EnableConfigurationProperties(ShopProperties.class)); the freeze baseline absorbs it
        assertThat(failures).as("dependencies the bytecode shows and the report does not list").singleElement()
                .asString().contains("Rule 'candidate shared-kernel depends on other candidates only along the edges",
                        "(1 times)", "com.acmeshop.AcmeShopApplication uses com.acmeshop.config.ShopProperties of "
                                + "candidate orders", "has annotation member of type <com.acmeshop.config.ShopProperties>");
    }

    @Test
    void the_frozen_rules_pass_on_the_sample_and_fail_on_the_forbidden_call_naming_it() throws Exception {
        List<ArchRule> rules = archTests();
        assertThat(rules).hasSize(2 * candidates().size());
        rules.forEach(rule -> rule.check(sample));

        JavaClasses withForbiddenCall = new ClassFileImporter()
                .importPath(SampleMonolith.classesWithForbiddenCall(work.resolve("with-forbidden-call")));
        ArchRule boundary = rule(rules, "candidate coupon depends on other candidates only along the edges");
        assertThatThrownBy(() -> boundary.check(withForbiddenCall))
                .hasMessageContaining("candidate coupon: com.acmeshop.dto.CouponDto uses "
                        + "com.acmeshop.model.CustomerOrder of candidate orders, an edge the report does not list")
                .hasMessageContaining("Method <com.acmeshop.dto.CouponDto.appliedTo(com.acmeshop.model.CustomerOrder)>"
                        + " calls method <com.acmeshop.model.CustomerOrder.getOrderNumber()> in (CouponDto.java:23)");
        ArchRule tables = rule(rules, "candidate coupon takes no new cross-candidate table access");
        assertThatThrownBy(() -> tables.check(withForbiddenCall))
                .hasMessageContaining("candidate coupon: new cross-candidate table access to customer_order "
                        + "(owned by orders) through com.acmeshop.model.CustomerOrder of candidate orders "
                        + "from com.acmeshop.dto.CouponDto")
                .hasMessageContaining("calls method <com.acmeshop.model.CustomerOrder.getOrderNumber()>");
        rule(rules, "candidate orders depends on other candidates only along the edges").check(withForbiddenCall);
    }

    private static List<String> candidates() {
        return BoundaryRules.of(SampleMonolith.decomposition()).classesByCandidate().keySet().stream().toList();
    }

    private static ArchRule invoke(String method, String candidate) throws ReflectiveOperationException {
        Method factory = generated.getDeclaredMethod(method, String.class);
        factory.setAccessible(true);
        return (ArchRule) factory.invoke(null, candidate);
    }

    private static List<ArchRule> archTests() throws IllegalAccessException {
        List<ArchRule> rules = new ArrayList<>();
        for (Field field : generated.getDeclaredFields()) {
            if (field.isAnnotationPresent(ArchTest.class) && Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                rules.add((ArchRule) field.get(null));
            }
        }
        return rules;
    }

    private static ArchRule rule(List<ArchRule> rules, String description) {
        return rules.stream().filter(rule -> rule.getDescription().startsWith(description)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule described as '" + description + "' among "
                        + rules.stream().map(ArchRule::getDescription).toList()));
    }

    private static String jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
