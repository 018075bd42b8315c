package dev.strangler.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The module's Dockerfile, read instruction by instruction, against what the gateway and deploy/ expect. */
class DockerfileTest {
    private static final Path DOCKERFILE = Path.of("Dockerfile");

    /** One instruction of the final stage: keyword in upper case, the rest as written (continuations joined). */
    private record Instruction(String keyword, String arguments) {
    }

    private static List<Instruction> finalStage;

    @BeforeAll
    static void read_the_final_stage() throws IOException {
        assertThat(DOCKERFILE).as("the gateway's Dockerfile, next to its pom.xml").exists();
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            if (line.strip().startsWith("#") || line.isBlank()) {
                continue;
            }
            logical.append(line.strip());
            if (line.endsWith("\\")) {
                logical.setLength(logical.length() - 1);
                logical.append(' ');
                continue;
            }
            String[] parts = logical.toString().split("\\s+", 2);
            if (parts[0].equalsIgnoreCase("FROM")) {
                instructions.clear();
            }
            instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
            logical.setLength(0);
        }
        finalStage = List.copyOf(instructions);
    }

    private static List<String> all(String keyword) {
        return finalStage.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    private static String one(String keyword) {
        assertThat(all(keyword)).as(keyword + " in the final stage").hasSize(1);
        return all(keyword).get(0);
    }

    private static Deployment deployment() throws IOException {
        TypedManifests.Loaded loaded = TypedManifests.load(Path.of("deploy/base/deployment.yaml"));
        assertThat(loaded.problems()).isEmpty();
        return (Deployment) loaded.object();
    }

    @Test
    void the_base_is_a_pinned_temurin_jre() {
        assertThat(one("FROM")).matches("eclipse-temurin:\\d+-jre-[a-z]+");
    }

    @Test
    void the_process_runs_as_the_non_root_user_the_deployment_expects() throws IOException {
        String user = one("USER");
        assertThat(user).as("numeric, so runAsNonRoot can verify it").matches("\\d+:\\d+");
        long uid = Long.parseLong(user.split(":")[0]);
        assertThat(uid).isPositive();
        assertThat(deployment().getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser()).isEqualTo(uid);
        assertThat(finalStage.subList(finalStage.indexOf(finalStage.stream()
                .filter(i -> i.keyword().equals("USER")).findFirst().orElseThrow()), finalStage.size()))
                .as("nothing is added or run after USER").extracting(Instruction::keyword)
                .doesNotContain("RUN", "COPY", "ADD");
    }

    @Test
    void the_entrypoint_is_exec_form_java_with_container_aware_heap_and_the_boot_launcher() {
        JsonNode entrypoint = JsonMapper.builder().build().readTree(one("ENTRYPOINT"));
        assertThat(entrypoint.isArray()).as("exec form, so java is PID 1 and gets SIGTERM").isTrue();
        List<String> words = new ArrayList<>();
        entrypoint.forEach(word -> words.add(word.asString()));
        assertThat(words.get(0)).isEqualTo("java");
        assertThat(words).anyMatch(w -> w.matches("-XX:MaxRAMPercentage=\\d+(\\.\\d+)?"))
                .contains("-XX:+ExitOnOutOfMemoryError")
                .noneMatch(w -> w.startsWith("-Xmx") || w.startsWith("-Xms"));
        assertThat(words.get(words.size() - 1)).isEqualTo("org.springframework.boot.loader.launch.JarLauncher");
    }

    @Test
    void both_ports_are_exposed_and_match_the_deployment() throws IOException {
        List<String> exposed = List.of(one("EXPOSE").split("\\s+"));
        List<String> declared = deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().stream()
                .map(ContainerPort::getContainerPort).map(String::valueOf).toList();
        assertThat(exposed).containsExactlyInAnyOrderElementsOf(declared).containsExactlyInAnyOrder("8080", "8081");
        assertThat(one("HEALTHCHECK")).isEqualTo("NONE");
    }

    @Test
    void the_application_comes_in_boot_layers_and_no_route_file_or_token_is_baked_in() throws IOException {
        assertThat(all("COPY")).containsExactly(
                "--from=layers /layers/extracted/dependencies/ ./",
                "--from=layers /layers/extracted/spring-boot-loader/ ./",
                "--from=layers /layers/extracted/snapshot-dependencies/ ./",
                "--from=layers /layers/extracted/application/ ./");
        assertThat(all("ADD")).isEmpty();
        assertThat(all("ENV")).noneMatch(env -> env.toUpperCase(Locale.ROOT).contains("TOKEN"));
        assertThat(Files.readAllLines(Path.of(".dockerignore"))).filteredOn(l -> !l.startsWith("#") && !l.isBlank())
                .containsExactly("*", "!target/strangler-gateway.jar");
    }
}
