package dev.strangler.extraction.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainFunctionTest {

    @Test
    void reads_the_monolith_settings_as_value_defaults_skipping_comments_and_lines_without_a_key() {
        List<Map<String, String>> properties = PlainFunction.properties(List.of("# a comment", "",
                "acmeshop.free-shipping-threshold=100.00", "acmeshop.reporting.snapshot-cron = 0 5 0 * * *",
                "greeting: say \"hi\"", "=no key", "! also a comment"));

        assertThat(properties).containsExactly(
                Map.of("key", "acmeshop.free-shipping-threshold", "value", "100.00"),
                Map.of("key", "acmeshop.reporting.snapshot-cron", "value", "0 5 0 * * *"),
                Map.of("key", "greeting", "value", "say \\\"hi\\\""));
    }
}
