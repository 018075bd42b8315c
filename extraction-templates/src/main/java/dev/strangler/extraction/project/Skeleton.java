package dev.strangler.extraction.project;

import dev.strangler.extraction.core.ExtractionPlan;
import dev.strangler.extraction.core.Flavor;
import dev.strangler.extraction.core.ProjectFile;
import dev.strangler.extraction.core.Renderer;
import dev.strangler.extraction.core.SourceFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole generated project: what every flavor shares (moved code in {@code src/main/java}, the kernel library in
 * {@code kernel/src/main/java}, borrowed data classes in {@code borrowed/src/main/java}, adapter interfaces, SAM
 * template, route snippet, README, a sample event) plus the flavor's own files.
 *
 * <p>Stateless and thread-safe.
 */
public final class Skeleton {
    private final Renderer renderer;

    public Skeleton(Renderer renderer) {
        this.renderer = renderer;
    }

    public List<ProjectFile> files(ExtractionPlan plan, Flavor flavor) {
        Map<String, Object> values = new LinkedHashMap<>(TemplateValues.of(plan, flavor.name(), flavor.handler(plan)));
        values.putAll(flavor.values(plan));
        List<ProjectFile> files = new ArrayList<>();
        plan.moved().forEach(f -> files.add(source("src/main/java/", f)));
        plan.kernel().forEach(f -> files.add(source("kernel/src/main/java/", f)));
        plan.borrowed().forEach(f -> files.add(source("borrowed/src/main/java/", f)));
        for (Map<String, Object> adapter : adapters(values)) {
            Map<String, Object> adapterValues = new HashMap<>(values);
            adapterValues.put("adapter", adapter);
            files.add(new ProjectFile("src/main/java/" + ((String) adapter.get("className")).replace('.', '/') + ".java",
                    renderer.render("shared/AdapterInterface.java.mustache", adapterValues)));
        }
        files.add(new ProjectFile("template.yaml", renderer.render("shared/template.yaml.mustache", values)));
        files.add(new ProjectFile("routes-snippet.yml", renderer.render("shared/routes-snippet.yml.mustache", values)));
        files.add(new ProjectFile("README.md", renderer.render("shared/README.md.mustache", values)));
        if (!plan.routes().isEmpty()) {
            files.add(new ProjectFile("events/first-route.json", renderer.render("shared/event.json.mustache", values)));
        }
        files.addAll(flavor.files(plan, renderer, values));
        return files;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> adapters(Map<String, Object> values) {
        return (List<Map<String, Object>>) values.get("adapters");
    }

    private static ProjectFile source(String root, SourceFile file) {
        return new ProjectFile(root + file.path(), file.text());
    }

}
