package dev.strangler.analyzer.bytecode;

import dev.strangler.analyzer.core.ClassName;
import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.Dependency;
import dev.strangler.analyzer.core.DependencyKind;
import dev.strangler.analyzer.core.MethodId;
import dev.strangler.analyzer.core.MethodInfo;
import dev.strangler.analyzer.core.Problem;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.source.ScanOptions;
import dev.strangler.analyzer.source.SourceScanner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BytecodeScannerTest {
    @TempDir
    static Path work;
    private static Codebase fromSource;
    private static Codebase enriched;
    private static Path jar;
    private static Path unrelated;

    @BeforeAll
    static void compile_the_fixture_and_enrich_its_source_model() throws IOException, URISyntaxException {
        Path root = Path.of(BytecodeScannerTest.class.getResource("/fixtures/bytecode").toURI());
        Path classes = work.resolve("classes");
        compile(root.resolve("src/main/java"), classes);
        jar = work.resolve("app.jar");
        pack(classes, jar);
        Path otherSources = Files.createDirectories(work.resolve("other-src/other"));
        Files.writeString(otherSources.resolve("Thing.java"), "package other;\npublic class Thing {\n}\n");
        unrelated = work.resolve("other-classes");
        compile(work.resolve("other-src"), unrelated);

        fromSource = new SourceScanner(new ScanOptions(List.of(), 1)).scan(root, ProgressListener.NONE);
        enriched = new BytecodeScanner().enrich(fromSource, List.of(jar, unrelated), ProgressListener.NONE);
    }

    @Test
    void adds_dependencies_only_the_class_files_show() {
        assertThat(dependency(fromSource, DependencyKind.CALL)).isNull();

        Dependency call = dependency(enriched, DependencyKind.CALL);
        assertThat(call).isNotNull();
        assertThat(call.guessed()).isFalse();
        assertThat(call.weight()).isEqualTo(2);
        assertThat(call.sites()).extracting(s -> s.toString())
                .containsExactly("src/main/java/bc/Registry.java:11", "src/main/java/bc/Registry.java:16");
        assertThat(method(enriched, "runFirst").calls()).contains(new MethodId(ClassName.of("bc.Widget"), "run"));
    }

    @Test
    void confirms_without_duplicating_what_the_sources_had() {
        assertThat(enriched.dependencies()).extracting(d -> d.from().value(), d -> d.to().value(), Dependency::kind)
                .doesNotHaveDuplicates()
                .contains(tuple("bc.Registry", "bc.Widget", DependencyKind.FIELD));
        Dependency field = enriched.dependencies().stream().filter(d -> d.kind() == DependencyKind.FIELD).findFirst()
                .orElseThrow();
        assertThat(field.weight()).isEqualTo(1);
        assertThat(enriched.dependencies()).noneMatch(d -> d.from().equals(d.to())).noneMatch(Dependency::guessed);
    }

    @Test
    void ignores_classpath_entries_without_codebase_types_and_reports_counts() {
        assertThat(enriched.problems()).extracting(Problem::toCompilerStyle).contains(
                unrelated.toString().replace('\\', '/')
                        + ": note: classpath entry holds none of the scanned types; used for nothing but resolution");
        assertThat(enriched.problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).startsWith("bytecode: read 2 classes from 1 classpath entries;"));
    }

    private static Dependency dependency(Codebase codebase, DependencyKind kind) {
        return codebase.dependencies().stream().filter(d -> d.from().value().equals("bc.Registry")
                && d.to().value().equals("bc.Widget") && d.kind() == kind && !d.guessed()).findFirst().orElse(null);
    }

    private static MethodInfo method(Codebase codebase, String name) {
        return codebase.methods().stream().filter(m -> m.id().name().equals(name)).findFirst().orElseThrow();
    }

    private static void compile(Path sources, Path output) throws IOException {
        Files.createDirectories(output);
        List<String> arguments = new ArrayList<>(List.of("-d", output.toString(), "-g"));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).as("javac exit code").isZero();
    }

    private static void pack(Path classes, Path target) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }
}
