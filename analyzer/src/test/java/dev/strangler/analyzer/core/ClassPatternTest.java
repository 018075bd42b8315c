package dev.strangler.analyzer.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassPatternTest {
    @Test
    void double_star_matches_a_package_and_its_sub_packages() {
        ClassPattern pattern = new ClassPattern("com.acme.billing.**");

        assertThat(pattern.matches(ClassName.of("com.acme.billing.Invoice"))).isTrue();
        assertThat(pattern.matches(ClassName.of("com.acme.billing.tax.Rate"))).isTrue();
        assertThat(pattern.matches(ClassName.of("com.acme.billingx.Invoice"))).isFalse();
    }

    @Test
    void single_star_stays_in_one_package() {
        ClassPattern pattern = new ClassPattern("com.acme.billing.*");

        assertThat(pattern.matches(ClassName.of("com.acme.billing.Invoice"))).isTrue();
        assertThat(pattern.matches(ClassName.of("com.acme.billing.tax.Rate"))).isFalse();
    }

    @Test
    void a_name_without_dots_matches_simple_names() {
        assertThat(new ClassPattern("*Dto").matches(ClassName.of("com.acme.web.OrderDto"))).isTrue();
    }

    @Test
    void a_bare_name_matches_the_class_or_the_classes_of_that_package() {
        assertThat(new ClassPattern("com.acme.Order").matches(ClassName.of("com.acme.Order"))).isTrue();
        assertThat(new ClassPattern("com.acme").matches(ClassName.of("com.acme.Order"))).isTrue();
        assertThat(new ClassPattern("com.acme").matches(ClassName.of("com.acme.sub.Order"))).isFalse();
    }

    @Test
    void rejects_what_is_not_a_class_pattern() {
        assertThatThrownBy(() -> new ClassPattern("com/acme/Order"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("com/acme/Order");
    }
}
