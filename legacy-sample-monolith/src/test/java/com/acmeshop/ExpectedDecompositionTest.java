package com.acmeshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * expected-decomposition.yml (the analyzer's reference) covers every main class exactly once and exactly the
 * tables of the migrations, and README.md's area table says the same.
 */
class ExpectedDecompositionTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read_the_expected_file() throws IOException {
        Map<String, Object> root = new Yaml().load(Files.readString(MODULE.resolve("expected-decomposition.yml")));
        services = (Map<String, Map<String, Object>>) root.get("services");
    }

    @Test
    void every_main_class_is_in_exactly_one_service() throws IOException {
        List<String> listed = new ArrayList<>();
        services.values().forEach(s -> listed.addAll(classesOf(s)));
        TreeSet<String> compiled = new TreeSet<>();
        Path classes = MODULE.resolve("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            files.map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".class") && !p.contains("$"))
                    .forEach(p -> compiled.add(p.substring(0, p.length() - ".class".length()).replace('/', '.')));
        }

        assertThat(listed).as("classes listed twice").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(listed)).as("listed classes vs. compiled main classes").isEqualTo(compiled);
        assertThat(compiled).hasSizeBetween(80, 150);
    }

    @Test
    void the_tables_are_exactly_the_tables_of_the_migrations() throws IOException {
        List<String> listed = new ArrayList<>();
        services.values().forEach(s -> listed.addAll(tablesOf(s)));
        TreeSet<String> migrated = new TreeSet<>();
        try (Stream<Path> files = Files.list(MODULE.resolve("src/main/resources/db/migration"))) {
            for (Path file : files.toList()) {
                Matcher m = Pattern.compile("(?i)create table (\\w+)").matcher(Files.readString(file));
                while (m.find()) {
                    migrated.add(m.group(1).toLowerCase());
                }
            }
        }

        assertThat(listed).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(listed)).isEqualTo(migrated);
    }

    @Test
    void the_readme_area_table_says_the_same_as_the_file() throws IOException {
        Map<String, List<String>> readmeClasses = new LinkedHashMap<>();
        Map<String, List<String>> readmeTables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(MODULE.resolve("README.md"))) {
            String[] cells = line.split("\\|");
            if (cells.length == 4 && services.containsKey(cells[1].trim())) {
                readmeClasses.put(cells[1].trim(), backticked(cells[2]).stream().map(c -> "com.acmeshop." + c).toList());
                readmeTables.put(cells[1].trim(), backticked(cells[3]));
            }
        }

        assertThat(readmeClasses.keySet()).containsExactlyElementsOf(services.keySet());
        services.forEach((name, service) -> {
            assertThat(readmeClasses.get(name)).as("README classes of %s", name)
                    .containsExactlyInAnyOrderElementsOf(classesOf(service));
            assertThat(readmeTables.get(name)).as("README tables of %s", name)
                    .containsExactlyInAnyOrderElementsOf(tablesOf(service));
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> classesOf(Map<String, Object> service) {
        return (List<String>) service.getOrDefault("classes", List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> tablesOf(Map<String, Object> service) {
        return (List<String>) service.getOrDefault("tables", List.of());
    }

    private static List<String> backticked(String cell) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("`([^`]+)`").matcher(cell);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
