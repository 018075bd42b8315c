package dev.strangler.lambdalocal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LambdaLocalCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void exits_with_usage_error_for_a_bad_function_spec() {
        int exitCode = run("--port", "0", "--function", "name=hello,jar=hello.jar");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("lacks 'handler='");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void exits_with_usage_error_for_a_missing_config_file() {
        int exitCode = run("--config", "no-such-functions.yml");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("no-such-functions.yml: cannot be read");
    }

    @Test
    void exits_with_usage_error_for_a_missing_jar() {
        int exitCode = run("--port", "0", "--function", "name=hello,jar=missing.jar,handler=p.A");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Code of function 'hello' not found at");
    }

    @Test
    void exits_with_usage_error_for_an_unknown_option() {
        int exitCode = run("--prot", "9001");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown options: '--prot'");
    }

    @Test
    void prints_help_with_the_spec_format() {
        int exitCode = run("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("--function=SPEC", "Defaults: timeout 3, memory 256, concurrency 10");
    }

    private int run(String... args) {
        return LambdaLocalCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), lambda -> {
            throw new AssertionError("must not start serving");
        });
    }
}
