package dev.strangler.analyzer.cli;

import dev.strangler.analyzer.core.ClassPattern;
import dev.strangler.analyzer.core.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionsFileTest {
    @TempDir
    Path temp;

    private Path write(String yaml) throws IOException {
        return Files.writeString(temp.resolve("decisions.yml"), yaml);
    }

    @Test
    void reads_every_kind_of_decision_in_the_order_they_apply() throws IOException {
        Path file = write("""
                rename:
                  service-3: payments
                pin:
                  billing: [com.acme.billing.**, com.acme.web.InvoiceController]
                split:
                  - candidate: catalog
                    into: inventory
                    classes: [com.acme.inventory.**]
                merge:
                  - into: sales
                    candidates: [orders, cart]
                shared-kernel: [com.acme.util.**, "*Dto"]
                """);

        List<Decision> decisions = DecisionsFile.read(file);

        assertThat(decisions).containsExactly(
                new Decision.SharedKernel(List.of(new ClassPattern("com.acme.util.**"), new ClassPattern("*Dto")), 12),
                new Decision.Merge("sales", List.of("orders", "cart"), 10),
                new Decision.Split("catalog", "inventory", List.of(new ClassPattern("com.acme.inventory.**")), 6),
                new Decision.Pin("billing", List.of(new ClassPattern("com.acme.billing.**"),
                        new ClassPattern("com.acme.web.InvoiceController")), 4),
                new Decision.Rename("service-3", "payments", 2));
    }

    @Test
    void an_empty_file_holds_no_decisions() throws IOException {
        assertThat(DecisionsFile.read(write(""))).isEmpty();
    }

    @Test
    void a_missing_field_is_named_with_its_line() throws IOException {
        Path file = write("""
                merge:
                  - into: sales
                """);

        assertThatThrownBy(() -> DecisionsFile.read(file))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("decisions.yml:2: missing 'candidates'");
    }

    @Test
    void a_bad_pattern_is_named_with_its_line() throws IOException {
        Path file = write("""
                shared-kernel:
                  - com/acme/util
                """);

        assertThatThrownBy(() -> DecisionsFile.read(file))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("decisions.yml:2:")
                .hasMessageContaining("com/acme/util");
    }

    @Test
    void a_wrong_shape_says_what_was_expected() throws IOException {
        Path file = write("pin: [a.b.C]\n");

        assertThatThrownBy(() -> DecisionsFile.read(file))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("decisions.yml:1: pin must be a mapping");
    }
}
