package dev.strangler.lambdalocal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.lambdalocal.execution.FunctionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionsFileTest {
    @TempDir
    Path folder;

    @Test
    void reads_functions_with_limits_and_environment_relative_to_the_file() throws IOException {
        Path file = write("""
                functions:
                  - name: greeting
                    jar: build/sample.jar
                    handler: dev.strangler.samples.GreetingHandler::handleRequest
                    timeout: 10
                    memory: 512
                    concurrency: 2
                    environment:
                      STYLE: formal
                      RETRIES: 3
                  - name: echo
                    jar: classes
                    handler: dev.strangler.samples.HttpApiEchoHandler
                """);

        List<FunctionConfig> functions = FunctionsFile.read(file);

        assertThat(functions).hasSize(2);
        FunctionConfig greeting = functions.get(0);
        assertThat(greeting.code()).isEqualTo(folder.resolve("build/sample.jar").toAbsolutePath());
        assertThat(greeting.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(greeting.memoryMb()).isEqualTo(512);
        assertThat(greeting.concurrency()).isEqualTo(2);
        assertThat(greeting.environment()).isEqualTo(Map.of("STYLE", "formal", "RETRIES", "3"));
        assertThat(functions.get(1).timeout()).isEqualTo(FunctionConfig.DEFAULT_TIMEOUT);
    }

    @Test
    void reports_every_bad_entry_with_its_index() throws IOException {
        Path file = write("""
                functions:
                  - name: ok
                    jar: a.jar
                    handler: p.A
                  - name: no-handler
                    jar: a.jar
                  - name: typo
                    jar: a.jar
                    handler: p.A
                    timeuot: 3
                  - name: ok
                    jar: b.jar
                    handler: p.B
                """);

        assertThatThrownBy(() -> FunctionsFile.read(file))
                .isInstanceOfSatisfying(FunctionsFileException.class, e -> assertThat(e.problems()).satisfiesExactly(
                        problem -> assertThat(problem).isEqualTo(file + ": functions[1]: lacks 'handler'"),
                        problem -> assertThat(problem).startsWith(file + ": functions[2]: unknown key 'timeuot'"),
                        problem -> assertThat(problem).isEqualTo(file + ": function 'ok' is defined twice")));
    }

    @Test
    void rejects_a_file_without_a_functions_list() throws IOException {
        Path file = write("function:\n  name: x\n");

        assertThatThrownBy(() -> FunctionsFile.read(file))
                .hasMessageContaining("must have a 'functions:' list");
    }

    @Test
    void rejects_invalid_yaml() throws IOException {
        Path file = write("functions: [\n");

        assertThatThrownBy(() -> FunctionsFile.read(file)).hasMessageContaining("is not valid YAML");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(folder.resolve("functions.yml"), yaml);
    }
}
