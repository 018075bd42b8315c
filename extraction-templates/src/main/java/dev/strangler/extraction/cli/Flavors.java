package dev.strangler.extraction.cli;

import dev.strangler.extraction.core.Flavor;
import dev.strangler.extraction.spring.SpringFlavor;

import java.util.List;
import java.util.Optional;

/** The flavors {@code --flavor} can name. */
final class Flavors {
    static final List<Flavor> ALL = List.of(new SpringFlavor());

    private Flavors() {
    }

    static Optional<Flavor> named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    static String names() {
        return String.join(", ", ALL.stream().map(Flavor::name).toList());
    }
}
