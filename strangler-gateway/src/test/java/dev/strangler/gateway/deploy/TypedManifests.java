package dev.strangler.gateway.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Loads a Kubernetes manifest into fabric8's typed model and lists every field the model does not know. fabric8
 * keeps unknown fields in {@code additionalProperties} instead of failing (so a typo such as {@code readinesProbe}
 * would pass {@code FAIL_ON_UNKNOWN_PROPERTIES}); this walks the loaded objects and reports them with their path.
 */
final class TypedManifests {

    /** The kinds deploy/ may hold, with the apiVersion each must use. */
    private static final Map<String, Kind> KINDS = Map.of(
            "Deployment", new Kind("apps/v1", Deployment.class),
            "Service", new Kind("v1", Service.class),
            "ServiceAccount", new Kind("v1", ServiceAccount.class),
            "Secret", new Kind("v1", Secret.class),
            "ConfigMap", new Kind("v1", ConfigMap.class),
            "PodDisruptionBudget", new Kind("policy/v1", PodDisruptionBudget.class),
            "HorizontalPodAutoscaler", new Kind("autoscaling/v2", HorizontalPodAutoscaler.class));

    private record Kind(String apiVersion, Class<? extends HasMetadata> type) {
    }

    /**
     * A manifest as loaded, and the problems found in it (unknown kind or apiVersion, unknown fields). A Kustomize
     * patch may carry the strategic merge directive {@code $patch: delete} on an object or a list item; it is taken
     * out before loading and listed in {@code deletions} ({@code Deployment.spec.template.spec.volumes[0] (routes)}).
     */
    record Loaded(HasMetadata object, List<String> problems, List<String> deletions) {
        Loaded(HasMetadata object, List<String> problems) {
            this(object, problems, List.of());
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private TypedManifests() {
    }

    static Loaded load(Path file) throws IOException {
        Object document = new Yaml().load(Files.readString(file));
        return load(document);
    }

    static Loaded load(Object document) {
        if (!(document instanceof Map<?, ?> map)) {
            return new Loaded(null, List.of("not one YAML mapping"));
        }
        Kind kind = KINDS.get(String.valueOf(map.get("kind")));
        if (kind == null) {
            return new Loaded(null, List.of("kind '" + map.get("kind") + "' is not one of " + KINDS.keySet()));
        }
        List<String> problems = new ArrayList<>();
        if (!kind.apiVersion().equals(map.get("apiVersion"))) {
            problems.add("apiVersion of a " + map.get("kind") + " must be " + kind.apiVersion() + ", but was " + map.get("apiVersion"));
        }
        List<String> deletions = new ArrayList<>();
        Object plain = withoutDirectives(map, map.get("kind").toString(), deletions, problems);
        HasMetadata object = MAPPER.convertValue(plain, kind.type());
        unknownFields(object, map.get("kind").toString(), problems);
        return new Loaded(object, problems, deletions);
    }

    /** A copy of {@code value} without {@code $patch: delete} directives, each recorded with its path and name. */
    private static Object withoutDirectives(Object value, String path, List<String> deletions, List<String> problems) {
        if (value instanceof List<?> items) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                copy.add(withoutDirectives(items.get(i), path + "[" + i + "]", deletions, problems));
            }
            return copy;
        }
        if (!(value instanceof Map<?, ?> entries)) {
            return value;
        }
        Map<Object, Object> copy = new java.util.LinkedHashMap<>();
        entries.forEach((key, item) -> {
            if ("$patch".equals(key)) {
                if ("delete".equals(item)) {
                    Object name = entries.containsKey("name") ? entries.get("name") : entries.get("mountPath");
                    deletions.add(path + (name == null ? "" : " (" + name + ")"));
                } else {
                    problems.add(path + ": only '$patch: delete' is expected in deploy/, but found '$patch: " + item + "'");
                }
            } else {
                copy.put(key, withoutDirectives(item, path + "." + key, deletions, problems));
            }
        });
        return copy;
    }

    private static void unknownFields(Object value, String path, List<String> problems) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> unknownFields(item, path + "." + key, problems));
            return;
        }
        if (value == null || !value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + unknown.keySet());
                }
            } else {
                unknownFields(field, path + "." + decapitalize(getter.getName().substring(3)), problems);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter + ": " + e, e);
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
