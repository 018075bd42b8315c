package dev.strangler.extraction.plain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.extraction.source.springapp.Component;
import dev.strangler.extraction.source.springapp.Injection;
import java.util.List;
import org.junit.jupiter.api.Test;

class WiringTest {

    @Test
    void builds_each_bean_after_what_it_needs_and_proxies_transactional_ones() {
        Component controller = component("a.Controller", Component.Kind.CONTROLLER, false, inject("service", "a.Service"));
        Component service = component("a.Service", Component.Kind.COMPONENT, true, inject("repository", "a.Repo"));
        Component repository = component("a.Repo", Component.Kind.REPOSITORY, false);

        Wiring wiring = Wiring.of(List.of(controller, service, repository));

        assertThat(wiring.beans()).extracting(Bean::field).containsExactly("repo", "service", "controller");
        assertThat(wiring.beans()).flatExtracting(Bean::statements).containsExactly(
                "repo = jpa.repository(a.Repo.class);",
                "service = jpa.transactional(new a.Service(repo));",
                "controller = new a.Controller(service);");
    }

    @Test
    void injects_by_an_implemented_interface_and_into_fields() {
        Component user = new Component("a.User", Component.Kind.COMPONENT, List.of(), List.of(),
                List.of(inject("clock", "a.Clock")), false, null);
        Component clock = new Component("a.SystemClock", Component.Kind.COMPONENT, List.of("a.Clock"), List.of(),
                List.of(), false, null);

        Wiring wiring = Wiring.of(List.of(user, clock));

        assertThat(wiring.beans().get(1).statements()).containsExactly("a.User userTarget = new a.User();",
                "inject(userTarget, \"clock\", systemClock);", "user = userTarget;");
    }

    @Test
    void a_bean_with_a_missing_or_ambiguous_dependency_is_not_built_and_says_why() {
        Component needy = component("a.Needy", Component.Kind.COMPONENT, false, inject("mail", "a.Mail"));
        Component one = new Component("a.One", Component.Kind.COMPONENT, List.of("a.Port"), List.of(), List.of(), false, null);
        Component two = new Component("a.Two", Component.Kind.COMPONENT, List.of("a.Port"), List.of(), List.of(), false, null);
        Component torn = component("a.Torn", Component.Kind.COMPONENT, false, inject("port", "a.Port"));

        Wiring wiring = Wiring.of(List.of(needy, one, two, torn));

        assertThat(wiring.unbuildable("a.Needy")).contains("Needy is not built: its 'mail' needs a a.Mail, and no moved"
                + " class provides one");
        assertThat(wiring.unbuildable("a.Torn")).contains("Torn is not built: its 'port' needs a a.Port, and 2 moved"
                + " classes do (One, Two)");
        assertThat(wiring.beans()).extracting(Bean::field).containsExactly("one", "two");
    }

    @Test
    void a_value_is_read_from_the_environment_with_its_default() {
        Component limits = component("a.Limits", Component.Kind.COMPONENT, false,
                new Injection("max", "int", "int", "${shop.max-items:10}"));

        Wiring wiring = Wiring.of(List.of(limits));

        assertThat(wiring.beans().get(0).statements()).containsExactly(
                "limits = new a.Limits(Settings.value(env, PROPERTIES, \"${shop.max-items:10}\", java.lang.Integer.class));");
    }

    private static Component component(String name, Component.Kind kind, boolean transactional, Injection... injections) {
        return new Component(name, kind, List.of(), List.of(injections), List.of(), transactional, null);
    }

    private static Injection inject(String name, String type) {
        return new Injection(name, type, type, null);
    }
}
