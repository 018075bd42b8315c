package dev.strangler.analyzer.source;

import dev.strangler.analyzer.core.Codebase;
import dev.strangler.analyzer.core.Risk;
import dev.strangler.analyzer.core.RiskKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RiskFixtureTest {
    @Test
    void finds_every_kind_of_serverless_risk_with_its_line() {
        Codebase codebase = Fixtures.scan("risks");

        assertThat(codebase.risks()).extracting(Risk::kind, r -> r.location().line()).containsExactly(
                tuple(RiskKind.STATIC_MUTABLE_STATE, 22),
                tuple(RiskKind.IN_MEMORY_CACHE, 23),
                tuple(RiskKind.THREADS_AND_EXECUTORS, 26),
                tuple(RiskKind.HEAVY_STARTUP, 28),
                tuple(RiskKind.NATIVE_CODE, 29),
                tuple(RiskKind.NATIVE_CODE, 32),
                tuple(RiskKind.HTTP_SESSION, 43),
                tuple(RiskKind.LOCAL_FILE_WRITE, 48),
                tuple(RiskKind.LOCAL_FILE_WRITE, 49),
                tuple(RiskKind.THREADS_AND_EXECUTORS, 55),
                tuple(RiskKind.THREADS_AND_EXECUTORS, 56),
                tuple(RiskKind.THREADS_AND_EXECUTORS, 59),
                tuple(RiskKind.SCHEDULED_JOB, 63),
                tuple(RiskKind.IN_MEMORY_CACHE, 67),
                tuple(RiskKind.LONG_SYNCHRONOUS_LOOP, 73),
                tuple(RiskKind.LONG_SYNCHRONOUS_LOOP, 74),
                tuple(RiskKind.HEAVY_STARTUP, 78));
    }

    @Test
    void reports_one_risk_of_a_kind_per_line() {
        Codebase codebase = Fixtures.scan("risks");

        assertThat(codebase.risks()).extracting(r -> r.kind() + "@" + r.location().line()).doesNotHaveDuplicates();
    }

    @Test
    void leaves_unmodified_static_maps_and_immutable_constants_alone() {
        Codebase codebase = Fixtures.scan("risks");

        assertThat(codebase.risks()).extracting(Risk::detail)
                .noneMatch(detail -> detail.contains("LABELS") || detail.contains("NAMES"));
    }
}
