package dev.strangler.lambdalocal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionNameTest {

    @Test
    void reads_a_plain_name() {
        assertThat(FunctionName.parse("orders", null)).isEqualTo(new FunctionName("orders", null));
    }

    @Test
    void reads_a_name_with_qualifier() {
        assertThat(FunctionName.parse("orders:$LATEST", null)).isEqualTo(new FunctionName("orders", "$LATEST"));
    }

    @Test
    void reads_a_partial_arn() {
        assertThat(FunctionName.parse("123456789012:function:orders", null)).isEqualTo(new FunctionName("orders", null));
    }

    @Test
    void reads_a_full_arn_with_qualifier() {
        assertThat(FunctionName.parse("arn:aws:lambda:eu-west-1:123456789012:function:orders:prod", null))
                .isEqualTo(new FunctionName("orders", "prod"));
    }

    @Test
    void lets_the_qualifier_parameter_win() {
        FunctionName name = FunctionName.parse("orders", "7");

        assertThat(name.qualifier()).isEqualTo("7");
        assertThat(name.isLatest()).isFalse();
        assertThat(FunctionName.parse("orders", "$LATEST").isLatest()).isTrue();
    }
}
