package dev.strangler.analyzer.fitness;

import dev.strangler.analyzer.core.Decomposer;
import dev.strangler.analyzer.core.Decomposition;
import dev.strangler.analyzer.core.DecompositionOptions;
import dev.strangler.analyzer.core.ProgressListener;
import dev.strangler.analyzer.source.ScanOptions;
import dev.strangler.analyzer.source.SourceScanner;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The sample monolith as the fitness tests use it: its sources analysed, its compiled classes, and the fixture. */
final class SampleMonolith {
    static final Path ROOT = Path.of(System.getProperty("strangler.sample", "../legacy-sample-monolith"));
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/fitness-forbidden-call");

    private SampleMonolith() {
    }

    /** The sample's compiled classes; fails saying how to build them when they are missing. */
    static Path classes() {
        Path classes = ROOT.resolve("target/classes");
        if (!Files.isRegularFile(classes.resolve("com/acmeshop/model/CustomerOrder.class"))) {
            fail("the sample monolith's compiled classes are not at " + classes.toAbsolutePath()
                    + "; build them with ./mvnw -pl legacy-sample-monolith package -DskipTests");
        }
        return classes;
    }

    static Decomposition decomposition() {
        assertThat(ROOT.resolve("src/main/java")).as("the sample monolith's sources").isDirectory();
        return new Decomposer().decompose(new SourceScanner(new ScanOptions(List.of(), 2)).scan(ROOT, ProgressListener.NONE),
                DecompositionOptions.defaults(), ProgressListener.NONE);
    }

    /** Writes the rendered fitness files under {@code folder}. */
    static void write(Map<String, String> files, Path folder) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }

    /** A copy of the sample's classes with the fixture's forbidden call compiled over them. */
    static Path classesWithForbiddenCall(Path folder) throws IOException {
        Path source = classes();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = folder.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        compile(FIXTURE, folder, folder.toString());
        return folder;
    }

    /** Compiles every Java file under {@code sources} into {@code output}; fails with javac's messages. */
    static void compile(Path sources, Path output, String classpath) throws IOException {
        List<String> options = List.of("-d", output.toString(), "-g", "-proc:none", "-classpath", classpath);
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.map(Path::toString).filter(f -> f.endsWith(".java")).sorted().toList();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        boolean compiled = compiler.getTask(messages, null, null, options, null,
                compiler.getStandardFileManager(null, null, null).getJavaFileObjectsFromStrings(files)).call();
        assertThat(compiled).as("javac on %s: %s", sources, messages).isTrue();
    }
}
