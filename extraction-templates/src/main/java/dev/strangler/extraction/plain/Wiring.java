package dev.strangler.extraction.plain;

import dev.strangler.extraction.source.springapp.Component;
import dev.strangler.extraction.source.springapp.Injection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The object graph Spring built, resolved statically: each component's constructor parameters and injected fields
 * matched by type to exactly one other component, in an order where every bean exists before it is used. A
 * component that cannot be built is kept with the reason, so the routes that need it answer 501 instead of vanishing.
 */
final class Wiring {

    private final List<Component> components;
    private final Map<String, Bean> built = new LinkedHashMap<>();
    private final Map<String, String> unbuildable = new LinkedHashMap<>();
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, String> domains;

    private Wiring(List<Component> components, Map<String, String> domains) {
        this.components = List.copyOf(components);
        this.domains = Map.copyOf(domains);
    }

    static Wiring of(List<Component> components) {
        return of(components, Map.of());
    }

    /**
     * @param domains for a repository that is not a Spring Data interface (an adapter of one that stays behind),
     *                its entity and id classes as Java text, {@code a.Customer.class, java.lang.Long.class}
     */
    static Wiring of(List<Component> components, Map<String, String> domains) {
        Wiring wiring = new Wiring(components, domains);
        components.forEach(c -> wiring.fields.put(c.className(), wiring.fieldName(c)));
        components.forEach(c -> wiring.build(c, new HashSet<>()));
        return wiring;
    }

    /** The beans that can be built, each after what it needs. */
    List<Bean> beans() {
        return List.copyOf(built.values());
    }

    /** Why a class cannot be built, if it cannot. */
    Optional<String> unbuildable(String className) {
        return Optional.ofNullable(unbuildable.get(className));
    }

    Map<String, String> unbuildable() {
        return Map.copyOf(unbuildable);
    }

    Optional<String> field(String className) {
        return built.containsKey(className) ? Optional.of(fields.get(className)) : Optional.empty();
    }

    private boolean build(Component component, Set<String> path) {
        String name = component.className();
        if (built.containsKey(name)) {
            return true;
        }
        if (unbuildable.containsKey(name)) {
            return false;
        }
        if (component.unsupported() != null) {
            unbuildable.put(name, component.simpleName() + " is not built: " + component.unsupported());
            return false;
        }
        if (!path.add(name)) {
            unbuildable.put(name, component.simpleName() + " is part of a dependency cycle, which needs Spring's"
                    + " early references");
            return false;
        }
        List<String> arguments = new ArrayList<>();
        List<String> injections = new ArrayList<>();
        for (Injection injection : component.constructor()) {
            Optional<String> argument = resolve(component, injection, path);
            if (argument.isEmpty()) {
                return false;
            }
            arguments.add(argument.get());
        }
        for (Injection injection : component.fields()) {
            Optional<String> argument = resolve(component, injection, path);
            if (argument.isEmpty()) {
                return false;
            }
            injections.add(injection.name() + "|" + argument.get());
        }
        path.remove(name);
        built.put(name, bean(component, arguments, injections));
        return true;
    }

    private Optional<String> resolve(Component component, Injection injection, Set<String> path) {
        if (injection.isValue()) {
            return Optional.of("Settings.value(env, PROPERTIES, \"" + JavaText.escape(injection.value()) + "\", "
                    + JavaText.boxed(injection.type()) + ".class)");
        }
        List<Component> providers = components.stream()
                .filter(c -> c != component && c.provides(injection.type())).toList();
        if (providers.size() != 1) {
            unbuildable.put(component.className(), component.simpleName() + " is not built: its '" + injection.name()
                    + "' needs a " + injection.genericType() + ", and " + (providers.isEmpty()
                    ? "no moved class provides one" : providers.size() + " moved classes do ("
                    + String.join(", ", providers.stream().map(Component::simpleName).toList()) + ")"));
            return Optional.empty();
        }
        Component provider = providers.get(0);
        if (!build(provider, path)) {
            unbuildable.put(component.className(), component.simpleName() + " is not built: it needs "
                    + provider.simpleName() + ", and " + unbuildable.get(provider.className()));
            return Optional.empty();
        }
        return Optional.of(fields.get(provider.className()));
    }

    private Bean bean(Component component, List<String> arguments, List<String> injections) {
        String field = fields.get(component.className());
        String type = component.className();
        List<String> statements = new ArrayList<>();
        if (component.kind() == Component.Kind.REPOSITORY) {
            String domain = domains.containsKey(type) ? ", " + domains.get(type) : "";
            statements.add(field + " = jpa.repository(" + type + ".class" + domain + ");");
            return new Bean(field, type, statements, component.kind().name());
        }
        String created = "new " + type + "(" + String.join(", ", arguments) + ")";
        if (injections.isEmpty()) {
            statements.add(field + " = " + wrap(component, created) + ";");
        } else {
            statements.add(type + " " + field + "Target = " + created + ";");
            for (String injection : injections) {
                String[] parts = injection.split("\\|", 2);
                statements.add("inject(" + field + "Target, \"" + parts[0] + "\", " + parts[1] + ");");
            }
            statements.add(field + " = " + wrap(component, field + "Target") + ";");
        }
        return new Bean(field, type, statements, component.kind().name());
    }

    private static String wrap(Component component, String expression) {
        return component.transactional() ? "jpa.transactional(" + expression + ")" : expression;
    }

    private String fieldName(Component component) {
        String simple = component.simpleName();
        String base = simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
        String name = base;
        for (int i = 2; fields.containsValue(name) || JavaText.isReserved(name); i++) {
            name = base + i;
        }
        return name;
    }
}
