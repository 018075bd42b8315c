package com.acmeshop.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardUtilsTest {

    @ParameterizedTest
    @CsvSource({
            "4242424242424242, true",
            "4242 4242 4242 4242, true",
            "4000-0000-0000-0002, true",
            "4242424242424241, false",
            "1234, false",
            "4242x24242424242, false"})
    void luhn_check_accepts_real_card_numbers_only(String number, boolean valid) {
        assertThat(CardUtils.passesLuhn(number)).isEqualTo(valid);
    }

    @Test
    void a_card_is_valid_until_the_end_of_its_expiry_month() {
        YearMonth now = YearMonth.of(2026, 11);
        assertThat(CardUtils.isExpired("11/26", now)).isFalse();
        assertThat(CardUtils.isExpired("10/26", now)).isTrue();
        assertThat(CardUtils.isExpired("01/27", now)).isFalse();
    }

    @Test
    void masking_keeps_only_the_last_four_digits() {
        assertThat(CardUtils.mask("4242 4242 4242 4242")).isEqualTo("**** **** **** 4242");
    }

    @Test
    void password_hashes_are_salted_and_verifiable() {
        String first = PasswordUtils.hash("s3cret-pass");
        assertThat(first).startsWith("pbkdf2_sha256$10000$").isNotEqualTo(PasswordUtils.hash("s3cret-pass"));
        assertThat(PasswordUtils.matches("s3cret-pass", first)).isTrue();
        assertThat(PasswordUtils.matches("wrong-pass", first)).isFalse();
    }
}
