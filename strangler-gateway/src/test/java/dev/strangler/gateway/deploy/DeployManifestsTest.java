package dev.strangler.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.gateway.iam.AccountScope;
import dev.strangler.gateway.iam.FunctionResource;
import dev.strangler.gateway.iam.PolicyDraft;
import dev.strangler.gateway.routefile.RouteFileReader;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kustomize layout under {@code deploy/}, checked offline: every manifest loads into fabric8's typed Kubernetes
 * model with no unknown field, and the facts the gateway depends on hold.
 */
class DeployManifestsTest {
    private static final Path DEPLOY = Path.of("deploy");
    private static final Path BASE = DEPLOY.resolve("base");
    private static final Path SHARED_STORE = DEPLOY.resolve("overlays/shared-store");

    private static Deployment deployment;
    private static PodSpec pod;
    private static Container gateway;

    @BeforeAll
    static void load_the_deployment() throws IOException {
        assertThat(BASE.resolve("kustomization.yaml")).as("the module's Kustomize base").exists();
        deployment = (Deployment) typed(BASE.resolve("deployment.yaml"));
        pod = deployment.getSpec().getTemplate().getSpec();
        gateway = pod.getContainers().stream().filter(c -> c.getName().equals("gateway")).findFirst().orElseThrow();
    }

    private static HasMetadata typed(Path file) throws IOException {
        TypedManifests.Loaded loaded = TypedManifests.load(file);
        assertThat(loaded.problems()).as(file.toString()).isEmpty();
        return loaded.object();
    }

    private static List<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList();
        }
    }

    private static String env(String name) {
        return gateway.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("the gateway container sets no " + name));
    }

    private static int port(String name) {
        return gateway.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new AssertionError("the gateway container has no port named " + name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kustomization(Path dir) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(dir.resolve("kustomization.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> listed(Map<String, Object> kustomization) {
        List<String> files = new ArrayList<>((List<String>) kustomization.getOrDefault("resources", List.of()));
        for (Map<String, Object> patch : (List<Map<String, Object>>) kustomization.getOrDefault("patches", List.of())) {
            files.add((String) patch.get("path"));
        }
        for (Map<String, Object> generator : (List<Map<String, Object>>) kustomization.getOrDefault("configMapGenerator", List.of())) {
            files.addAll((List<String>) generator.getOrDefault("files", List.of()));
        }
        return files;
    }

    @Test
    void every_manifest_loads_into_the_typed_model_without_unknown_fields() throws IOException {
        List<Path> manifests = manifests();
        assertThat(manifests).hasSizeGreaterThanOrEqualTo(8);
        for (Path manifest : manifests) {
            typed(manifest);
        }
    }

    @Test
    void an_unknown_field_or_a_wrong_api_version_is_refused() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = (Map<String, Object>) new Yaml().load(
                Files.readString(BASE.resolve("deployment.yaml")).replace("readinessProbe:", "readinesProbe:")
                        .replace("apiVersion: apps/v1", "apiVersion: apps/v1beta1"));
        assertThat(TypedManifests.load(document).problems()).containsExactly(
                "apiVersion of a Deployment must be apps/v1, but was apps/v1beta1",
                "Deployment.spec.template.spec.containers[0]: unknown field(s) [readinesProbe]");
    }

    @Test
    void each_kustomization_lists_every_file_beside_it_and_nothing_missing() throws IOException {
        for (Path dir : List.of(BASE, DEPLOY.resolve("overlays/production"), SHARED_STORE)) {
            List<String> listed = listed(kustomization(dir));
            for (String file : listed) {
                assertThat(dir.resolve(file)).as("listed in " + dir + "/kustomization.yaml").exists();
            }
            TreeSet<String> beside = new TreeSet<>();
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                        .filter(f -> !f.equals("kustomization.yaml") && !f.endsWith(".template.yaml")).forEach(beside::add);
            }
            assertThat(listed).as(dir + "/kustomization.yaml").containsAll(beside);
        }
    }

    @Test
    void the_route_files_are_valid_and_the_production_one_gives_an_invoke_policy() throws IOException {
        RouteFileReader.read(Files.readString(BASE.resolve("routes.yml")), "base/routes.yml");
        PolicyDraft draft = PolicyDraft.of(RouteFileReader.read(Files.readString(DEPLOY.resolve("overlays/production/routes.yml")),
                "production/routes.yml"), new AccountScope("aws", "eu-west-1", "123456789012"));
        assertThat(draft.policy().resources()).extracting(FunctionResource::arn).containsExactly(
                "arn:aws:lambda:eu-west-1:123456789012:function:orders-fn:7",
                "arn:aws:lambda:eu-west-1:123456789012:function:products-fn:live");
    }

    @Test
    void probes_use_the_ports_the_gateway_listens_on_and_no_endpoint_it_lacks() {
        assertThat(port("admin")).isEqualTo(Integer.parseInt(env("STRANGLER_ADMIN_PORT")));
        assertThat(port("http")).isEqualTo(Integer.parseInt(env("SERVER_PORT")));
        assertThat(env("STRANGLER_ADMIN_ADDRESS")).as("the kubelet probes the pod's address").isEqualTo("0.0.0.0");
        assertThat(env("SERVER_ADDRESS")).isEqualTo("0.0.0.0");
        // the admin server's health endpoints, which need no token (AdminServer: /health/live, /health/ready)
        assertThat(Stream.of(gateway.getLivenessProbe(), gateway.getStartupProbe()))
                .allSatisfy(probe -> assertThat(probe.getHttpGet().getPath()).isEqualTo("/health/live"));
        assertThat(gateway.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
        assertThat(Stream.of(gateway.getLivenessProbe(), gateway.getReadinessProbe(), gateway.getStartupProbe()))
                .allSatisfy(probe -> assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("admin"));
    }

    @Test
    void the_pod_runs_as_non_root_on_a_read_only_root_with_resources_set() {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        List<Container> all = new ArrayList<>(pod.getContainers());
        all.addAll(pod.getInitContainers());
        assertThat(all).hasSize(2).allSatisfy(container -> {
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(container.getName()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(container.getName()).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(container.getResources().getRequests()).as(container.getName()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(container.getName()).containsKey("memory");
        });
        assertThat(gateway.getResources().getRequests().get("memory"))
                .isEqualTo(gateway.getResources().getLimits().get("memory"));
    }

    @Test
    void the_route_file_is_copied_from_the_config_map_to_a_writable_empty_dir() {
        Path routesFile = Path.of(env("STRANGLER_ROUTES_FILE"));
        VolumeMount routesMount = mountOf(gateway, routesFile.getParent().toString());
        assertThat(volume(routesMount.getName()).getEmptyDir()).as("the admin API writes the route file").isNotNull();
        assertThat(routesMount.getReadOnly()).isNotEqualTo(Boolean.TRUE);
        assertThat(volume(mountOf(gateway, "/tmp").getName()).getEmptyDir()).isNotNull();

        Container copy = pod.getInitContainers().get(0);
        assertThat(copy.getImage()).isEqualTo(gateway.getImage());
        String source = copy.getCommand().get(1);
        assertThat(copy.getCommand()).containsExactly("cp", source, routesFile.toString());
        VolumeMount configMapMount = mountOf(copy, Path.of(source).getParent().toString());
        assertThat(volume(configMapMount.getName()).getConfigMap().getName()).isEqualTo("strangler-gateway-routes");
        assertThat(mountOf(copy, routesFile.getParent().toString()).getName()).isEqualTo(routesMount.getName());
    }

    @Test
    void the_admin_token_is_referenced_from_a_secret_never_inlined() throws IOException {
        EnvVar token = gateway.getEnv().stream().filter(e -> e.getName().equals("STRANGLER_ADMIN_TOKEN")).findFirst().orElseThrow();
        assertThat(token.getValue()).isNull();
        Secret template = (Secret) typed(BASE.resolve("admin-token.secret.template.yaml"));
        assertThat(token.getValueFrom().getSecretKeyRef().getName()).isEqualTo(template.getMetadata().getName());
        assertThat(template.getStringData()).containsOnlyKeys(token.getValueFrom().getSecretKeyRef().getKey());
        assertThat(template.getStringData().values()).allSatisfy(value -> assertThat(value).isEmpty());
        assertThat(listed(kustomization(BASE))).doesNotContain("admin-token.secret.template.yaml");
        for (Path manifest : manifests()) {
            HasMetadata object = typed(manifest);
            if (object instanceof Secret secret) {
                assertThat(secret.getData()).as(manifest + " carries secret data").isNullOrEmpty();
                assertThat(secret.getStringData().values()).as(manifest.toString()).allSatisfy(v -> assertThat(v).isEmpty());
            }
            if (object instanceof Deployment patch) {
                patch.getSpec().getTemplate().getSpec().getContainers().forEach(c -> assertThat(c.getEnv())
                        .filteredOn(e -> e.getName().contains("TOKEN")).allSatisfy(e -> assertThat(e.getValue()).isNull()));
                patch.getSpec().getTemplate().getSpec().getContainers().forEach(c -> assertThat(c.getArgs())
                        .as(manifest.toString()).noneSatisfy(arg -> assertThat(arg).contains("token")));
            }
        }
    }

    @Test
    void the_budget_and_the_autoscaler_keep_the_deployment_serving() throws IOException {
        PodDisruptionBudget budget = (PodDisruptionBudget) typed(BASE.resolve("pdb.yaml"));
        HorizontalPodAutoscaler autoscaler = (HorizontalPodAutoscaler) typed(BASE.resolve("hpa.yaml"));
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThan(budget.getSpec().getMinAvailable().getIntVal());
        assertThat(autoscaler.getSpec().getMetrics()).singleElement().satisfies(metric -> {
            assertThat(metric.getResource().getName()).isEqualTo("cpu");
            assertThat(metric.getResource().getTarget().getAverageUtilization()).isBetween(50, 90);
        });
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
    }

    @Test
    void the_service_exposes_the_proxy_port_only() throws IOException {
        Service service = (Service) typed(BASE.resolve("service.yaml"));
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
    }

    @Test
    void the_shared_store_overlay_replaces_the_route_file_by_the_store_s_settings_and_a_secret() throws IOException {
        TypedManifests.Loaded patch = TypedManifests.load(SHARED_STORE.resolve("deployment-patch.yaml"));
        TypedManifests.Loaded configMap = TypedManifests.load(SHARED_STORE.resolve("routes-configmap-delete.yaml"));
        Map<String, Object> kustomization = kustomization(SHARED_STORE);
        Container patched = ((Deployment) patch.object()).getSpec().getTemplate().getSpec().getContainers().get(0);
        Secret template = (Secret) typed(SHARED_STORE.resolve("route-store.secret.template.yaml"));

        // every part of the route file goes, and each deletion names something the base has
        assertThat(patch.problems()).isEmpty();
        String spec = "Deployment.spec.template.spec.";
        assertThat(patch.deletions()).containsExactlyInAnyOrder(spec + "initContainers[0] (copy-routes)",
                spec + "containers[0].env[0] (STRANGLER_ROUTES_FILE)",
                spec + "containers[0].volumeMounts[0] (/var/lib/strangler/routes)",
                spec + "volumes[0] (routes)", spec + "volumes[1] (routes-configmap)");
        assertThat(pod.getInitContainers()).extracting(Container::getName).containsExactly("copy-routes");
        assertThat(gateway.getEnv()).extracting(EnvVar::getName).contains("STRANGLER_ROUTES_FILE")
                .doesNotContain("STRANGLER_ROUTES_STORE_URL");
        assertThat(gateway.getVolumeMounts()).extracting(VolumeMount::getMountPath).contains("/var/lib/strangler/routes");
        assertThat(pod.getVolumes()).extracting(Volume::getName).contains("routes", "routes-configmap");
        assertThat(configMap.problems()).isEmpty();
        assertThat(configMap.deletions()).containsExactly("ConfigMap");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> baseGenerators = (List<Map<String, Object>>) kustomization(BASE).get("configMapGenerator");
        assertThat(baseGenerators).extracting(g -> g.get("name")).contains(configMap.object().getMetadata().getName());

        // the store's URL and polling interval from the overlay's generated ConfigMap, a valid URL without credentials
        @SuppressWarnings("unchecked")
        Map<String, Object> generator = ((List<Map<String, Object>>) kustomization.get("configMapGenerator")).get(0);
        Map<String, String> literals = new java.util.HashMap<>();
        for (Object literal : (List<?>) generator.get("literals")) {
            String text = literal.toString();
            literals.put(text.substring(0, text.indexOf('=')), text.substring(text.indexOf('=') + 1));
        }
        for (String name : List.of("STRANGLER_ROUTES_STORE_URL", "STRANGLER_ROUTES_RELOAD_INTERVAL")) {
            EnvVar variable = patched.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
            assertThat(variable.getValueFrom().getConfigMapKeyRef().getName()).isEqualTo(generator.get("name"));
            assertThat(literals).containsKey(variable.getValueFrom().getConfigMapKeyRef().getKey());
        }
        String url = literals.get("url");
        assertThat(dev.strangler.gateway.routedb.StoreSettings.of(url, null, null).location()).startsWith("postgresql://");
        assertThat(url).doesNotContain("password").doesNotContain("user=");

        // user and password only from the Secret whose shape the template gives, never inlined, never applied
        for (String name : List.of("STRANGLER_ROUTES_STORE_USER", "STRANGLER_ROUTES_STORE_PASSWORD")) {
            EnvVar variable = patched.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
            assertThat(variable.getValue()).isNull();
            assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo(template.getMetadata().getName());
            assertThat(template.getStringData()).containsKey(variable.getValueFrom().getSecretKeyRef().getKey());
        }
        assertThat(template.getStringData().values()).allSatisfy(value -> assertThat(value).isEmpty());
        assertThat(listed(kustomization)).doesNotContain("route-store.secret.template.yaml");
    }

    private static VolumeMount mountOf(Container container, String path) {
        return container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " mounts nothing at " + path));
    }

    private static Volume volume(String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }
}
