package dev.strangler.extraction.plain;

import dev.strangler.extraction.core.Adapter;
import dev.strangler.extraction.core.AdapterMethod;
import dev.strangler.extraction.core.ExtractionPlan;
import dev.strangler.extraction.core.SharedRepository;
import dev.strangler.extraction.source.springapp.Component;
import dev.strangler.extraction.source.springapp.Injection;
import dev.strangler.extraction.source.springapp.SpringApplication;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The beans that stand in for what stays in the monolith. A repository the plan serves over the shared database
 * ({@link SharedRepository}, decided once for every flavor) is built by Spring Data's repository factory (the function
 * reads and writes the monolith's tables, as the monolith's own repository did); every other adapter answers through the monolith's routes with the
 * shared adapter implementation ({@code MonolithClient}, {@code NotYetMovedException} and advice), as in the spring
 * flavor.
 */
final class AdapterBeans {

    private final List<Component> components = new ArrayList<>();
    private final Map<String, String> domains = new LinkedHashMap<>();
    private final List<String> sharedData = new ArrayList<>();
    private boolean monolithAdapters;

    AdapterBeans(ExtractionPlan plan, SpringApplication application) {
        String monolith = plan.generatedPackage() + ".monolith.";
        for (Adapter adapter : plan.adapters()) {
            SharedRepository shared = adapter.sharedRepository();
            if (shared != null) {
                components.add(new Component(adapter.className(), Component.Kind.REPOSITORY, List.of(), List.of(),
                        List.of(), false, null));
                String id = application.entityIds().getOrDefault(shared.entityClass(), shared.idType());
                domains.put(adapter.className(), shared.entityClass() + ".class, " + JavaText.boxed(id) + ".class");
                sharedData.add(adapter.simpleName());
                continue;
            }
            monolithAdapters = true;
            List<Injection> constructor = new ArrayList<>(List.of(new Injection("monolith", monolith + "MonolithClient",
                    monolith + "MonolithClient", null)));
            // the local reads' repositories, in the order the generated constructor takes them
            adapter.localReads().stream().flatMap(m -> m.localRead().repositories().stream()).distinct()
                    .sorted(Comparator.comparing(AdapterMethod.Parameter::name))
                    .forEach(f -> constructor.add(new Injection(f.name(), f.type(), f.type(), null)));
            boolean transactional = adapter.localReads().stream().anyMatch(m -> m.localRead().code().contains("Transactional"));
            components.add(new Component(monolith + adapter.simpleName() + "MonolithAdapter", Component.Kind.COMPONENT,
                    List.of(adapter.className()), constructor, List.of(), transactional, null));
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
}
