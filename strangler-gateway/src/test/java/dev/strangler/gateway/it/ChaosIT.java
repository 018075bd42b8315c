package dev.strangler.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A short chaos run ({@link ChaosRun}, as {@code bench/chaos.sh} runs it longer): load through the packaged gateway
 * while the function throws, is throttled, times out, lambda-local is stopped and started again, and the monolith
 * slows down and restarts. Only the targets are asserted, and of timings only the rollback within the hold time,
 * which is 20 s so that a busy machine still makes it.
 */
class ChaosIT {

    @Test
    void the_gateway_keeps_its_targets_while_function_lambda_local_and_monolith_fail_in_turn() throws Exception {
        Path jar = Path.of(System.getProperty("sample.functions.jar", "target/it/sample-functions.jar"));

        ChaosReport report = new ChaosRun(jar, Duration.ofSeconds(36), Duration.ofSeconds(20)).run();
        System.out.println(report.table());

        assertThat(report.problems()).as(report.table()).isEmpty();
        assertThat(report.rollbacks()).extracting(ChaosReport.Rollback::phase).containsAll(report.faultPhases());
        assertThat(report.sent()).as("requests sent").hasSizeGreaterThan(100);
        assertThat(report.sent()).as("fallback answers").anyMatch(sent -> sent.fallback() != null);
        assertThat(report.sent()).as("requests in the phase with the monolith down")
                .anyMatch(sent -> sent.phase().equals(ChaosReport.MONOLITH_DOWN));
    }
}
