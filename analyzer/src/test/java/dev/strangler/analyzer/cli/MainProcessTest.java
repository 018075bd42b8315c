package dev.strangler.analyzer.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The one test that starts a real JVM: only main may exit, and it exits with the run's code. */
class MainProcessTest {
    @Test
    void main_exits_with_code_2_for_a_missing_path() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "no-such-folder-anywhere").redirectErrorStream(true).start();

        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(finished).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("PATH does not exist: no-such-folder-anywhere");
    }
}
