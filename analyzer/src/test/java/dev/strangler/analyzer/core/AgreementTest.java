package dev.strangler.analyzer.core;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AgreementTest {
    private static ClassName c(String name) {
        return ClassName.of("x." + name);
    }

    @Test
    void identical_partitions_agree_fully_whatever_the_names() {
        Map<ClassName, String> expected = Map.of(c("A"), "orders", c("B"), "orders", c("C"), "catalog");
        Map<ClassName, String> actual = Map.of(c("A"), "one", c("B"), "one", c("C"), "two");

        Agreement agreement = Agreement.compute("expected.yml", expected, actual);

        assertThat(agreement.accuracy()).isEqualTo(1.0);
        assertThat(agreement.adjustedRandIndex()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void one_misplaced_class_is_counted_and_ari_matches_hand_computation() {
        // expected {A,B,C} {D,E,F}; actual {A,B} {C,D,E,F}
        Map<ClassName, String> expected = Map.of(c("A"), "p", c("B"), "p", c("C"), "p", c("D"), "q", c("E"), "q", c("F"), "q");
        Map<ClassName, String> actual = Map.of(c("A"), "1", c("B"), "1", c("C"), "2", c("D"), "2", c("E"), "2", c("F"), "2");

        Agreement agreement = Agreement.compute("e", expected, actual);

        assertThat(agreement.accuracy()).isCloseTo(5.0 / 6, within(1e-9));
        // contingency [[2,1],[0,3]]: index = 1+0+3 = 4; rows 3+3 = 6; columns 1+6 = 7; expected 6*7/15 = 2.8; max 6.5
        assertThat(agreement.adjustedRandIndex()).isCloseTo((4 - 2.8) / (6.5 - 2.8), within(1e-9));
    }

    @Test
    void classes_the_analysis_did_not_find_are_counted_apart() {
        Agreement agreement = Agreement.compute("e", Map.of(c("A"), "p", c("Z"), "p"), Map.of(c("A"), "1"));

        assertThat(agreement.classesCompared()).isEqualTo(1);
        assertThat(agreement.classesOnlyExpected()).isEqualTo(1);
    }
}
