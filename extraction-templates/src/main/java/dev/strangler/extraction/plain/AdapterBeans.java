package dev.strangler.extraction.plain;

import dev.strangler.extraction.core.Adapter;
import dev.strangler.extraction.core.AdapterMethod;
import dev.strangler.extraction.core.ExtractionPlan;
import dev.strangler.extraction.source.springapp.Component;
import dev.strangler.extraction.source.springapp.Injection;
import dev.strangler.extraction.source.springapp.SpringApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The beans that stand in for what stays in the monolith. A repository of a borrowed entity whose methods Spring
 * Data can derive is served by Spring Data over the shared database (the function reads and writes the monolith's
 * tables, as the monolith's own repository did); every other adapter answers through the monolith's routes with the
 * shared adapter implementation ({@code MonolithClient}, {@code NotYetMovedException} and advice), as in the spring
 * flavor.
 */
final class AdapterBeans {

    private static final Set<String> CRUD = Set.of("findById", "findAll", "findAllById", "save", "saveAll",
            "saveAndFlush", "delete", "deleteById", "deleteAll", "deleteAllById", "existsById", "count", "flush",
            "getReferenceById", "getById", "getOne");
    private static final Pattern DERIVED = Pattern.compile(
            "(find|read|get|query|search|stream|count|exists|delete|remove)\\w*By[A-Z]\\w*");

    private final List<Component> components = new ArrayList<>();
    private final Map<String, String> domains = new LinkedHashMap<>();
    private final List<String> sharedData = new ArrayList<>();
    private boolean monolithAdapters;

    AdapterBeans(ExtractionPlan plan, SpringApplication application) {
        String monolith = plan.generatedPackage() + ".monolith.";
        for (Adapter adapter : plan.adapters()) {
            Optional<String> entity = entity(adapter, application);
            if (entity.isPresent()) {
                components.add(new Component(adapter.className(), Component.Kind.REPOSITORY, List.of(), List.of(),
                        List.of(), false, null));
                domains.put(adapter.className(), entity.get() + ".class, "
                        + JavaText.boxed(application.entityIds().get(entity.get())) + ".class");
                sharedData.add(adapter.simpleName());
                continue;
            }
            monolithAdapters = true;
            components.add(new Component(monolith + adapter.simpleName() + "MonolithAdapter", Component.Kind.COMPONENT,
                    List.of(adapter.className()), List.of(new Injection("monolith", monolith + "MonolithClient",
                    monolith + "MonolithClient", null)), List.of(), false, null));
        }
        if (monolithAdapters) {
            components.add(new Component(monolith + "MonolithClient", Component.Kind.COMPONENT, List.of(), List.of(
                    new Injection("baseUrl", "java.lang.String", "java.lang.String", "${monolith.url:}")), List.of(),
                    false, null));
            components.add(new Component(monolith + "NotYetMovedAdvice", Component.Kind.ADVICE, List.of(), List.of(),
                    List.of(), false, null));
        }
    }

    List<Component> components() {
        return List.copyOf(components);
    }

    Map<String, String> domains() {
        return Map.copyOf(domains);
    }

    /** Whether the shared adapter implementation that calls the monolith is part of the function. */
    boolean hasMonolithAdapters() {
        return monolithAdapters;
    }

    /** The adapted repositories Spring Data serves from the shared database, by simple name. */
    List<String> sharedData() {
        return List.copyOf(sharedData);
    }

    /** The entity of a repository adapter whose every method Spring Data can answer, if it is one. */
    private static Optional<String> entity(Adapter adapter, SpringApplication application) {
        String name = adapter.simpleName();
        if (!name.endsWith("Repository") || adapter.methods().isEmpty()) {
            return Optional.empty();
        }
        boolean derivable = adapter.methods().stream().map(AdapterMethod::name)
                .allMatch(m -> CRUD.contains(m) || DERIVED.matcher(m).matches());
        if (!derivable) {
            return Optional.empty();
        }
        String simple = name.substring(0, name.length() - "Repository".length());
        return application.entities().stream()
                .filter(e -> e.endsWith("." + simple) && application.entityIds().containsKey(e)).findFirst();
    }
}
