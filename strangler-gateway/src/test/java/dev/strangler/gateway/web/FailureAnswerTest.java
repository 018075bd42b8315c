package dev.strangler.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.gateway.lambda.InvocationOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class FailureAnswerTest {

    @Test
    void a_function_error_is_502_naming_the_route() {
        FailureAnswer answer = FailureAnswer.of(new InvocationOutcome.FunctionError("Unhandled", "aws-1"), "orders");

        assertThat(answer).isEqualTo(new FailureAnswer("function_error", HttpStatus.BAD_GATEWAY,
                "The function behind route 'orders' failed", null));
    }

    @Test
    void both_timeouts_are_504_of_kind_timeout() {
        FailureAnswer ours = FailureAnswer.of(new InvocationOutcome.Timeout(Duration.ofSeconds(30)), "orders");
        FailureAnswer functions = FailureAnswer.of(new InvocationOutcome.FunctionTimeout("aws-2"), "orders");

        assertThat(ours).isEqualTo(functions);
        assertThat(ours.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(ours.kind()).isEqualTo("timeout");
        assertThat(ours.title()).isEqualTo("The function behind route 'orders' did not answer in time");
    }

    @Test
    void throttling_is_429_with_lambdas_retry_after_or_one_second() {
        FailureAnswer given = FailureAnswer.of(new InvocationOutcome.Throttled("limit", 7), "orders");
        FailureAnswer unknown = FailureAnswer.of(new InvocationOutcome.Throttled(null, null), "orders");

        assertThat(given.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(given.retryAfterSeconds()).isEqualTo(7);
        assertThat(unknown.retryAfterSeconds()).isEqualTo(1);
        assertThat(given.kind()).isEqualTo("throttled");
    }

    @Test
    void too_large_is_413_and_a_failure_to_invoke_502_without_retry_after() {
        FailureAnswer large = FailureAnswer.of(new InvocationOutcome.TooLarge(7_000_000), "upload");
        FailureAnswer refused = FailureAnswer.of(new InvocationOutcome.NotInvoked("SdkClientException"), "upload");

        assertThat(large).isEqualTo(new FailureAnswer("too_large", HttpStatus.CONTENT_TOO_LARGE,
                "The request body is over the 6 MB a function accepts on route 'upload'", null));
        assertThat(refused).isEqualTo(new FailureAnswer("failed", HttpStatus.BAD_GATEWAY,
                "The function behind route 'upload' could not be invoked", null));
    }

    @Test
    void refuses_a_negative_retry_after() {
        assertThatThrownBy(() -> new FailureAnswer("throttled", HttpStatus.TOO_MANY_REQUESTS, "t", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }
}
