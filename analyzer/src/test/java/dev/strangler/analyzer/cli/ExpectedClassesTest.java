package dev.strangler.analyzer.cli;

import dev.strangler.analyzer.core.ClassName;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpectedClassesTest {
    private final SortedSet<ClassName> units = new TreeSet<>(java.util.List.of(ClassName.of("shop.order.OrderService"),
            ClassName.of("shop.order.Order"), ClassName.of("shop.billing.Invoice"), ClassName.of("shop.billing.Order")));
    private final Function<ClassName, ClassName> unitOf = name -> units.contains(name) ? name
            : name.value().equals("shop.billing.Invoice.Line") ? ClassName.of("shop.billing.Invoice") : null;

    @Test
    void qualified_simple_and_partly_qualified_names_find_their_class() {
        ExpectedClasses matched = ExpectedClasses.match("e.yml", Map.of("OrderService", "orders",
                "billing.Order", "billing", "shop.billing.Invoice.Line", "billing"), units, unitOf);

        assertThat(matched.byUnit()).containsOnly(
                Map.entry(ClassName.of("shop.order.OrderService"), "orders"),
                Map.entry(ClassName.of("shop.billing.Order"), "billing"),
                Map.entry(ClassName.of("shop.billing.Invoice"), "billing"));
        assertThat(matched.notFound()).isEmpty();
        assertThat(matched.problems("e.yml")).isEmpty();
    }

    @Test
    void a_simple_name_two_classes_have_is_refused_with_both_classes_named() {
        assertThatThrownBy(() -> ExpectedClasses.match("e.yml", Map.of("Order", "orders", "Invoice", "billing"),
                units, unitOf))
                .isInstanceOf(UsageException.class)
                .hasMessage("e.yml: 1 class name(s) match more than one class of the codebase; qualify them with "
                        + "their package: Order (shop.billing.Order, shop.order.Order)");
    }

    @Test
    void names_of_no_class_are_listed_in_a_warning() {
        ExpectedClasses matched = ExpectedClasses.match("e.yml", Map.of("Invoice", "billing", "Refund", "billing",
                "a.b.", "x"), units, unitOf);

        assertThat(matched.notFound()).containsExactly("Refund", "a.b.");
        assertThat(matched.problems("e.yml")).singleElement().satisfies(problem ->
                assertThat(problem.message()).startsWith("2 of its class name(s) match no class").contains("Refund, a.b."));
    }
}
