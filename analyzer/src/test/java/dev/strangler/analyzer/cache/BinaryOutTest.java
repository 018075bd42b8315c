package dev.strangler.analyzer.cache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BinaryOutTest {

    @Test
    void what_is_written_past_the_first_buffer_reads_back_in_order() {
        BinaryOut out = new BinaryOut(1);
        byte[] block = new byte[70_000];
        block[69_999] = 42;
        for (int i = 0; i < 100_000; i++) {
            out.varint(i * 977L);
            out.bool(i % 3 == 0);
            out.string("name " + (i % 50));
        }
        out.raw(block);
        out.varint(Long.MAX_VALUE);
        byte[] bytes = out.toByteArray();

        BinaryIn in = new BinaryIn(bytes, 0, bytes.length);
        for (int i = 0; i < 100_000; i++) {
            assertThat(in.varint()).isEqualTo(i * 977L);
            assertThat(in.bool()).isEqualTo(i % 3 == 0);
            assertThat(in.string()).isEqualTo("name " + (i % 50));
        }
        assertThat(in.raw(block.length)).isEqualTo(block);
        assertThat(in.varint()).isEqualTo(Long.MAX_VALUE);
        assertThat(in.atEnd()).isTrue();
    }

    @Test
    void a_negative_number_is_refused_and_nothing_is_written() {
        BinaryOut out = new BinaryOut();

        assertThatIllegalArgumentException().isThrownBy(() -> out.varint(-1)).withMessageContaining("0 or more");
        assertThat(out.toByteArray()).isEmpty();
    }
}
