package dev.strangler.lambdalocal.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionConfigTest {

    @Test
    void parses_a_spec_with_defaults() {
        FunctionConfig function = FunctionConfig.parse("name=hello,jar=build/hello.jar,handler=pkg.Hello::handle");

        assertThat(function.name()).isEqualTo("hello");
        assertThat(function.code()).isEqualTo(Path.of("build/hello.jar").toAbsolutePath());
        assertThat(function.handler()).isEqualTo("pkg.Hello::handle");
        assertThat(function.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(function.memoryMb()).isEqualTo(256);
        assertThat(function.concurrency()).isEqualTo(10);
        assertThat(function.environment()).isEmpty();
    }

    @Test
    void parses_a_spec_with_every_limit() {
        FunctionConfig function = FunctionConfig.parse(
                "name=hello, jar=hello.zip, handler=pkg.Hello, timeout=30, memory=1024, concurrency=2");

        assertThat(function.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(function.memoryMb()).isEqualTo(1024);
        assertThat(function.concurrency()).isEqualTo(2);
        assertThat(function.handler()).isEqualTo("pkg.Hello");
    }

    @Test
    void rejects_a_spec_without_handler_naming_the_fix() {
        assertThatThrownBy(() -> FunctionConfig.parse("name=hello,jar=hello.jar"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks 'handler='")
                .hasMessageContaining("name=hello,jar=PATH,handler=pkg.Class::method");
    }

    @Test
    void rejects_unknown_keys_and_bad_numbers() {
        assertThatThrownBy(() -> FunctionConfig.parse("name=a,jar=a.jar,handler=p.A,colour=red"))
                .hasMessageContaining("unknown keys [colour]");
        assertThatThrownBy(() -> FunctionConfig.parse("name=a,jar=a.jar,handler=p.A,timeout=soon"))
                .hasMessageContaining("timeout must be a whole number, but was 'soon'");
        assertThatThrownBy(() -> FunctionConfig.parse("name=a,jar=a.jar,handler=p.A,timeout=901"))
                .hasMessageContaining("timeout must be 1 to 900 seconds, but was 901000 ms");
    }

    @Test
    void rejects_invalid_names_handlers_and_limits() {
        Path jar = Path.of("a.jar");

        assertThatThrownBy(() -> FunctionConfig.of("bad name", jar, "p.A"))
                .hasMessageContaining("name must be 1 to 64 letters, digits, '-' or '_', but was 'bad name'");
        assertThatThrownBy(() -> FunctionConfig.of("a", jar, "p.A::"))
                .hasMessageContaining("handler must read 'package.Class::method'");
        assertThatThrownBy(() -> FunctionConfig.of("a", jar, "p.A").withMemoryMb(64))
                .hasMessageContaining("memory must be 128 to 10240 MB, but was 64");
        assertThatThrownBy(() -> FunctionConfig.of("a", jar, "p.A").withConcurrency(0))
                .hasMessageContaining("concurrency must be 1 to 1000, but was 0");
        assertThatThrownBy(() -> FunctionConfig.of("a", jar, "p.A").withEnvironment(Map.of("BAD-NAME", "x")))
                .hasMessageContaining("'BAD-NAME'");
    }
}
