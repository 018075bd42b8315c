package dev.strangler.analyzer.cache;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {
    @Test
    void aHashIsMurmur3Of128BitsWrittenAs32HexDigits() {
        // the published MurmurHash3 x64 128 value of this sentence (seed 0), bytes in Guava's order
        assertThat(ContentHash.of("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("6c1b07bc7bbc4be347939ac4a93c437a");
    }

    @Test
    void oneChangedByteGivesAnotherHash() {
        byte[] content = "class A { int x = 1; }".getBytes(StandardCharsets.UTF_8);
        String before = ContentHash.of(content);
        content[content.length - 4] = '2';
        assertThat(ContentHash.of(content)).isNotEqualTo(before).hasSize(ContentHash.HEX_DIGITS);
    }

    @Test
    void onlyThirtyTwoHexDigitsAreAHash() {
        assertThat(ContentHash.isHash("ab".repeat(16))).isTrue();
        assertThat(ContentHash.isHash("ab".repeat(32))).isFalse();
        assertThat(ContentHash.isHash("zz".repeat(16))).isFalse();
        assertThat(ContentHash.isHash(null)).isFalse();
    }
}
