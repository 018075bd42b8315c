package dev.strangler.gateway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class OutcomeTranslationTest {

    private static final Duration LIMIT = Duration.ofSeconds(4);

    @Test
    void an_answer_without_function_error_is_a_reply_with_its_payload_and_request_id() {
        byte[] payload = "{\"statusCode\":200}".getBytes(StandardCharsets.UTF_8);

        InvocationOutcome outcome = OutcomeTranslation.ofAnswer(null, payload, "aws-1");

        assertThat(outcome).isInstanceOfSatisfying(InvocationOutcome.Reply.class, reply -> {
            assertThat(reply.payload()).isSameAs(payload);
            assertThat(reply.awsRequestId()).isEqualTo("aws-1");
        });
    }

    @Test
    void a_function_error_keeps_its_type() {
        InvocationOutcome outcome = OutcomeTranslation.ofAnswer("Unhandled",
                json("{\"errorType\":\"java.lang.RuntimeException\",\"errorMessage\":\"boom\"}"), "aws-2");

        assertThat(outcome).isEqualTo(new InvocationOutcome.FunctionError("Unhandled", "aws-2"));
        assertThat(((InvocationOutcome.Failure) outcome).kind()).isEqualTo("function_error");
    }

    @Test
    void a_function_that_ran_out_of_its_time_is_a_function_timeout_by_error_type_or_by_lambdas_message() {
        InvocationOutcome sandbox = OutcomeTranslation.ofAnswer("Unhandled",
                json("{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: x Error: Task timed out after 3.00 seconds\"}"), "a");
        InvocationOutcome older = OutcomeTranslation.ofAnswer("Unhandled",
                json("{\"errorMessage\":\"2026-12-07T05:00:00Z x Task timed out after 5.00 seconds\"}"), "b");
        InvocationOutcome notJson = OutcomeTranslation.ofAnswer("Unhandled", json("Task timed out after"), "c");

        assertThat(sandbox).isEqualTo(new InvocationOutcome.FunctionTimeout("a"));
        assertThat(older).isEqualTo(new InvocationOutcome.FunctionTimeout("b"));
        assertThat(notJson).isEqualTo(new InvocationOutcome.FunctionError("Unhandled", "c"));
    }

    @Test
    void a_message_mentioning_a_timeout_in_another_field_is_still_a_function_error() {
        InvocationOutcome outcome = OutcomeTranslation.ofAnswer("Handled",
                json("{\"errorType\":\"OrderException\",\"errorMessage\":\"order 7 not found\",\"stackTrace\":[\"Task timed out after\"]}"), "d");

        assertThat(outcome).isInstanceOf(InvocationOutcome.FunctionError.class);
    }

    @Test
    void sdk_exceptions_become_throttled_timeout_too_large_or_not_invoked() {
        TooManyRequestsException throttled = (TooManyRequestsException) TooManyRequestsException.builder()
                .reason("ReservedFunctionConcurrentInvocationLimitExceeded").retryAfterSeconds("3").build();

        assertThat(OutcomeTranslation.ofError(new CompletionException(throttled), LIMIT))
                .isEqualTo(new InvocationOutcome.Throttled("ReservedFunctionConcurrentInvocationLimitExceeded", 3));
        assertThat(OutcomeTranslation.ofError(ApiCallTimeoutException.create(4000), LIMIT))
                .isEqualTo(new InvocationOutcome.Timeout(LIMIT));
        assertThat(OutcomeTranslation.ofError(RequestTooLargeException.builder().build(), LIMIT))
                .isEqualTo(new InvocationOutcome.TooLarge(-1));
        assertThat(OutcomeTranslation.ofError(ResourceNotFoundException.builder().statusCode(404)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build()).build(), LIMIT))
                .isEqualTo(new InvocationOutcome.NotInvoked("ResourceNotFoundException (404)"));
        assertThat(OutcomeTranslation.ofError(SdkClientException.create("Connection refused"), LIMIT))
                .isEqualTo(new InvocationOutcome.NotInvoked("SdkClientException"));
    }

    @Test
    void a_throttle_without_a_readable_retry_after_has_none() {
        TooManyRequestsException throttled = (TooManyRequestsException) TooManyRequestsException.builder()
                .retryAfterSeconds("soon").build();

        assertThat(OutcomeTranslation.ofError(throttled, LIMIT)).isInstanceOfSatisfying(InvocationOutcome.Throttled.class,
                t -> assertThat(t.retryAfterSeconds()).isNull());
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
