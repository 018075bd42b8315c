package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.core.Severity;
import dev.strangler.analyzer.source.resolve.LibraryIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A codebase with its own {@code StringUtils}, and a controller that means the library's one through a wildcard
 * import: only with the library jar on {@code --classpath} can the scanner tell them apart.
 */
class LibraryClasspathTest {
    @TempDir
    static Path work;
    private static Path jar;
    private static Path classes;
    private static Path sources;

    @BeforeAll
    static void build_a_real_library_jar_and_a_codebase() throws IOException {
        Path librarySource = write(work.resolve("lib-src/org/lib/text/StringUtils.java"), """
                package org.lib.text;
                public final class StringUtils {
                    public static boolean isBlank(String s) { return s == null || s.isBlank(); }
                    public static final class Joiner { }
                    public static Object anonymous() { return new Object() { }; }
                }
                """);
        classes = work.resolve("lib-classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), librarySource.toString());
        assertThat(status).as("javac of the library fixture").isZero();
        jar = work.resolve("lib.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        sources = work.resolve("app/src/main/java");
        write(sources.resolve("com/app/util/StringUtils.java"), """
                package com.app.util;
                public final class StringUtils {
                    public static boolean isBlank(String s) { return s == null || s.trim().isEmpty(); }
                }
                """);
        write(sources.resolve("com/app/web/GreetingController.java"), """
                package com.app.web;
                import org.lib.text.*;
                public class GreetingController {
                    public String greet(String name) { return StringUtils.isBlank(name) ? "hello" : "hello " + name; }
                }
                """);
    }

    @Test
    void without_the_jar_the_simple_name_is_guessed_to_be_the_codebase_class() {
        Codebase codebase = scan(List.of());
        assertThat(dependenciesOfController(codebase)).containsExactly(ClassName.of("com.app.util.StringUtils"));
        assertThat(codebase.stats().guessedReferences()).isPositive();
    }

    @Test
    void with_the_jar_the_wildcard_import_resolves_to_the_library_class_and_no_false_edge_is_drawn() {
        Codebase codebase = scan(List.of(jar));
        assertThat(dependenciesOfController(codebase)).isEmpty();
        assertThat(codebase.stats().guessedReferences()).isZero();
        assertThat(codebase.problems()).filteredOn(p -> p.severity() != Severity.NOTE)
                .extracting(Problem::message).allMatch(m -> m.startsWith("no entry point found")); // a fixture without any
    }

    @Test
    void a_class_folder_on_the_classpath_works_like_a_jar() {
        assertThat(dependenciesOfController(scan(List.of(classes)))).isEmpty();
    }

    @Test
    void reads_nested_class_names_and_leaves_out_anonymous_classes_and_descriptors() {
        Set<String> names = new HashSet<>();
        LibraryIndex.add("org/lib/text/StringUtils$Joiner.class", names);
        LibraryIndex.add("org/lib/text/StringUtils$1.class", names);
        LibraryIndex.add("org/lib/text/package-info.class", names);
        LibraryIndex.add("module-info.class", names);
        LibraryIndex.add("META-INF/MANIFEST.MF", names);
        assertThat(names).containsExactly("org.lib.text.StringUtils.Joiner");
        assertThat(LibraryIndex.read(List.of(jar)).contains("org.lib.text.StringUtils.Joiner")).isTrue();
    }

    @Test
    void an_unreadable_jar_is_reported_and_the_scan_goes_on() throws IOException {
        Path broken = write(work.resolve("broken.jar"), "not a zip file");
        Codebase codebase = scan(List.of(broken, jar));
        assertThat(codebase.problems()).anySatisfy(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.WARNING);
            assertThat(problem.path()).endsWith("broken.jar");
            assertThat(problem.message()).contains("could not read the class names");
        });
        assertThat(dependenciesOfController(codebase)).isEmpty();
    }

    private static Codebase scan(List<Path> classpath) {
        return new SourceScanner(new ScanOptions(classpath, 2)).scan(work.resolve("app"), ProgressListener.NONE);
    }

    private static List<ClassName> dependenciesOfController(Codebase codebase) {
        return codebase.dependencies().stream()
                .filter(d -> d.from().equals(ClassName.of("com.app.web.GreetingController")))
                .map(Dependency::to).distinct().toList();
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return file;
    }
}
