package dev.strangler.extraction.plain;

import dev.strangler.extraction.core.ExtractionPlan;
import dev.strangler.extraction.source.springapp.SpringApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the plain flavor generates for one plan: the values its templates see and its to-do list. */
public final class PlainFunction {

    private final ExtractionPlan plan;
    private final SpringApplication application;
    private final Wiring wiring;
    private final List<GeneratedRoute> routes;
    private final AdapterBeans adapters;

    PlainFunction(ExtractionPlan plan, SpringApplication application, Wiring wiring, List<GeneratedRoute> routes,
            AdapterBeans adapters) {
        this.plan = plan;
        this.application = application;
        this.wiring = wiring;
        this.routes = List.copyOf(routes);
        this.adapters = adapters;
    }

    boolean hasMonolithAdapters() {
        return adapters.hasMonolithAdapters();
    }

    /** Every route that answers 501, and every bean or file that could not be read or built, one sentence each. */
    public List<String> todo() {
        List<String> todo = new ArrayList<>();
        for (GeneratedRoute route : routes) {
            if (!route.isSupported()) {
                todo.add(route.httpMethod() + " " + route.path() + " answers 501 in the plain function: "
                        + route.unsupported());
            }
        }
        wiring.unbuildable().values().forEach(todo::add);
        todo.addAll(application.problems());
        return List.copyOf(todo);
    }

    /** The monolith's {@code key=value} lines as Java string literal texts, for {@code @Value}'s defaults. */
    static List<Map<String, String>> properties(List<String> lines) {
        List<Map<String, String>> properties = new ArrayList<>();
        for (String line : lines) {
            String text = line.strip();
            int split = text.indexOf('=') >= 0 ? text.indexOf('=') : text.indexOf(':');
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("!") || split <= 0) {
                continue;
            }
            properties.add(Map.of("key", JavaText.escape(text.substring(0, split).strip()),
                    "value", JavaText.escape(text.substring(split + 1).strip())));
        }
        return properties;
    }

    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("package", plan.generatedPackage());
        values.put("unit", plan.service());
        values.put("functionName", plan.functionName());
        values.put("springBootVersion", plan.build().springBootVersion() == null ? "4.0.9"
                : plan.build().springBootVersion());
        values.put("jdbcDrivers", plan.build().jdbcDrivers().stream().map(d -> Map.of(
                "groupId", d.substring(0, d.indexOf(':')), "artifactId", d.substring(d.indexOf(':') + 1))).toList());
        values.put("groupId", plan.rootPackage());
        values.put("properties", properties(plan.build().properties()));
        values.put("hasH2", plan.build().jdbcDrivers().contains("com.h2database:h2"));
        values.put("monolithDependencies", MonolithLibraries.kept(plan.build()));
        values.put("entities", application.entities().stream().map(e -> Map.of("className", e)).toList());
        values.put("entityConstraints", application.entityConstraints());
        values.put("beans", wiring.beans().stream().map(b -> Map.of("field", b.field(), "type", b.type(),
                "statements", b.statements())).toList());
        // the generated advices (not-yet-moved calls) come first, as their @Order(HIGHEST_PRECEDENCE) says
        String generated = plan.generatedPackage() + ".";
        values.put("advices", wiring.beans().stream().filter(b -> b.kind().equals("ADVICE"))
                .sorted(java.util.Comparator.comparing((Bean b) -> !b.type().startsWith(generated)))
                .map(b -> Map.of("field", b.field())).toList());
        values.put("controllers", wiring.beans().stream().filter(b -> b.kind().equals("CONTROLLER"))
                .map(b -> Map.of("field", b.field(), "type", b.type())).toList());
        List<Map<String, Object>> table = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            GeneratedRoute route = routes.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("httpMethod", route.httpMethod());
            entry.put("path", route.path());
            entry.put("declaration", route.declaration());
            entry.put("supported", route.isSupported());
            entry.put("last", i == routes.size() - 1);
            table.add(entry);
        }
        values.put("routes", table);
        values.put("plainTodo", todo());
        return values;
    }
}
