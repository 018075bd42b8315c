package dev.strangler.analyzer.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClosestByPackageTest {
    private static Packages group(String... classes) {
        Packages packages = new Packages();
        for (String name : classes) {
            packages.add(ClassName.of(name));
        }
        return packages;
    }

    private static int closest(String unit, Packages... groups) {
        return Packages.closest(ClassName.of(unit), List.of(groups));
    }

    @Test
    void the_group_with_most_classes_in_the_same_package_wins() {
        assertThat(closest("shop.order.Line", group("shop.order.Order", "shop.cart.Cart"),
                group("shop.order.Invoice", "shop.order.Refund"))).isEqualTo(1);
    }

    @Test
    void without_the_same_package_the_longest_shared_package_prefix_wins_and_a_tie_goes_to_the_first_group() {
        assertThat(closest("shop.billing.tax.Rate", group("shop.cart.Cart"), group("shop.billing.invoice.Invoice")))
                .isEqualTo(1);
        assertThat(closest("shop.billing.Rate", group("shop.cart.Cart"), group("shop.order.Order"))).isZero();
        assertThat(closest("other.Thing", group(), group("shop.Order"))).isZero();
    }

    @Test
    void classes_of_the_default_package_go_to_the_group_that_has_some() {
        assertThat(closest("Main", group("shop.Order"), group("Helper"))).isEqualTo(1);
    }
}
