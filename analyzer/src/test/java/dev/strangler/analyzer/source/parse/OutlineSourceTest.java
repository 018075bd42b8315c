package dev.strangler.analyzer.source.parse;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutlineSourceTest {

    @Test
    void an_outline_comes_back_equal_with_or_without_a_fallback_charset() {
        for (OutlineSource source : new OutlineSource[]{
                new OutlineSource("class Ü {\n  void a() {\n\n  }\n}\n", 3, 4, null),
                new OutlineSource("", 0, 0, "windows-1252")}) {
            assertThat(OutlineSource.decode(source.encode())).isEqualTo(source);
        }
    }

    @Test
    void cut_or_padded_bytes_are_refused_never_read_as_another_outline() {
        byte[] good = new OutlineSource("class A {\n}\n", 2, 2, "ISO-8859-1").encode();

        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> OutlineSource.decode(cut)).as("cut to %d bytes", length)
                    .isInstanceOf(RuntimeException.class);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> OutlineSource.decode(Arrays.copyOf(good, good.length + 1)))
                .withMessageContaining("left over");
    }

    @Test
    void negative_line_counts_are_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OutlineSource("", -1, 0, null))
                .withMessageContaining("0 or more");
    }
}
